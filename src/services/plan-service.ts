// The service for plans, their editing, import, publishing, overview, timeline, audit and reminders, made with the
// shared context (database, clock, settings). "Today" and "now" come from the one clock, never from the caller.
import type { PlanDraft } from '../domain/types.ts';
import type { ServiceContext } from './context.ts';
import { can, type CurrentUser } from './accounts.ts';
import {
  addCommitment,
  addMilestone,
  addMonitoringItem,
  createPlan,
  editCommitment,
  editMonitoringItem,
  importPlan,
  removeCommitment,
  removeMonitoringItem,
  reorderCommitments,
  updatePlanSettings,
} from './plans.ts';
import { planOverview, type OverviewFilters } from './plan-overview.ts';
import { planTimeline } from './timeline.ts';
import { getPublicPlan, setPlanPublished } from './publishing.ts';
import { confirmImport, getImportDraft, uploadPlan, type ImportDraftKey, type PlanUpload } from './import-preview.ts';
import { AUDIT_PAGE_LIMIT, planAudit, recordEvidenceDownload, recordPlanExport, recordRefusal, type AuditFilters } from './audit.ts';
import { previewDigests, sendDailyDigests, type ReminderLog } from './reminders.ts';
import type { Mailer } from './mailer.ts';
import { lastSave } from './edit-conflicts.ts';
import { listPlans, type NewPlan, type PlanChanges, type SavePlanOptions } from '../store/plans-repository.ts';
import { listCommitments, type CommitmentChanges, type NewCommitment } from '../store/commitments-repository.ts';
import { listMilestones, type NewMilestone } from '../store/milestones-repository.ts';
import { listMonitoringItems } from '../store/monitoring-repository.ts';
import { listOrganisationMembers } from '../store/memberships-repository.ts';
import { findOrCreateOrganisation, getOrganisation } from '../store/organisations-repository.ts';

export type { NewPlan, PlanChanges } from '../store/plans-repository.ts';
export type { NewCommitment } from '../store/commitments-repository.ts';
export type { NewMilestone } from '../store/milestones-repository.ts';
export type { Member } from '../store/memberships-repository.ts';
export type { ImportDraft, ImportDraftKey } from './import-preview.ts';
export { DRAFT_GONE_MESSAGE, ImportDraftGoneError } from './import-preview.ts';
export { EditConflictError, contentVersion } from './edit-conflicts.ts';
export { RAG_FILTERS, parseOverviewFilters, type OverviewQuery, type PlanOverview } from './plan-overview.ts';
export type { PlanTimeline, TimelineState } from './timeline.ts';
export { AUDIT_CSV_LIMIT, auditPerson, parseAuditFilters, type AuditFilterInput } from './audit.ts';
export { planIdFromSlug, publicPlanCsv, publicSlug } from './publishing.ts';

/** One of the user's organisations on their home page, with its plans and what they may do there. */
export interface HomeOrganisation {
  id: number;
  name: string;
  roles: string[];
  canImport: boolean;
  canCreate: boolean;
  plans: Awaited<ReturnType<typeof listPlans>>;
}

export function planService({ db, clock, config }: ServiceContext) {
  return {
    /** The user's organisations (each once, with all their roles there) and each one's plans. */
    async home(user: CurrentUser): Promise<HomeOrganisation[]> {
      const seen = new Map<number, { id: number; name: string; roles: string[] }>();
      for (const m of user.memberships) {
        const org = seen.get(m.organisationId) ?? { id: m.organisationId, name: m.organisationName, roles: [] };
        org.roles.push(m.role);
        seen.set(m.organisationId, org);
      }
      return Promise.all(
        [...seen.values()]
          .filter((org) => can(user, 'plan:read', org.id))
          .map(async (org) => ({
            ...org,
            canImport: can(user, 'plan:import', org.id),
            canCreate: can(user, 'plan:edit', org.id),
            plans: await listPlans(db, org.id),
          })),
      );
    },

    organisation: (id: number) => getOrganisation(db, id),
    /** The people with a role in the organisation, by name. */
    members: (organisationId: number) => listOrganisationMembers(db, organisationId),

    // ---- plan editing (the audit event is stored with each change: services/plans.ts)
    create: (organisationId: number, input: NewPlan, userId: number | null) => createPlan(db, organisationId, input, userId),
    updateSettings: (planId: number, changes: PlanChanges, userId: number | null, readVersion?: string) =>
      updatePlanSettings(db, planId, changes, userId, readVersion),
    commitments: (planId: number) => listCommitments(db, planId),
    addCommitment: (planId: number, input: NewCommitment, userId: number | null) => addCommitment(db, planId, input, userId),
    editCommitment: (commitmentId: number, changes: CommitmentChanges, userId: number | null, readVersion?: string) =>
      editCommitment(db, commitmentId, changes, userId, readVersion),
    reorderCommitments: (planId: number, orderedIds: number[], userId: number | null) => reorderCommitments(db, planId, orderedIds, userId),
    removeCommitment: (commitmentId: number, userId: number | null) => removeCommitment(db, commitmentId, userId),
    milestones: (commitmentId: number) => listMilestones(db, commitmentId),
    addMilestone: (commitmentId: number, input: NewMilestone, userId: number | null) => addMilestone(db, commitmentId, input, userId),
    monitoringItems: (commitmentId: number) => listMonitoringItems(db, commitmentId),
    addMonitoringItem: (commitmentId: number, text: string, userId: number | null) => addMonitoringItem(db, commitmentId, text, userId),
    editMonitoringItem: (itemId: number, text: string, userId: number | null) => editMonitoringItem(db, itemId, text, userId),
    removeMonitoringItem: (itemId: number, userId: number | null) => removeMonitoringItem(db, itemId, userId),
    /** Who saved what an edit form conflicts with, and when (services/edit-conflicts.ts). */
    lastSave: (saved: { by: number | null; at: string | null } | null, audited?: { entity: string; id: number }) => lastSave(db, saved, audited),

    /** Stores a plan read by the command line for the organisation of that name (made if new). */
    async importPlanFor(organisationName: string, draft: PlanDraft, opts: SavePlanOptions = {}): Promise<{ planId: number; organisation: string }> {
      const organisation = await findOrCreateOrganisation(db, organisationName);
      const planId = await importPlan(db, organisation.id, draft, null, opts);
      return { planId, organisation: organisation.name };
    },

    // ---- reading a plan, as of today
    overview: (user: CurrentUser | null, planId: number, filters: OverviewFilters) => planOverview(db, user, planId, { today: clock.today(), filters }),
    timeline: (user: CurrentUser | null, planId: number) => planTimeline(db, user, planId, clock.today()),

    // ---- publishing
    setPublished: (user: CurrentUser, planId: number, published: boolean) => setPlanPublished(db, user, planId, published),
    /** The published plan's public page, or undefined when there is none to show. */
    publicPlan: (planId: number) => getPublicPlan(db, planId, clock.today()),

    // ---- importing a plan from a file
    upload: (upload: PlanUpload) => uploadPlan(db, upload, clock.now()),
    importDraft: (key: ImportDraftKey) => getImportDraft(db, key, clock.now()),
    confirmImport: (key: ImportDraftKey) => confirmImport(db, key, clock.now()),

    // ---- the audit trail
    audit: (user: CurrentUser | null, planId: number, filters: AuditFilters, limit = AUDIT_PAGE_LIMIT) => planAudit(db, user, planId, filters, limit),
    recordRefusal: (userId: number, planId: number | null, request: { method: string; path: string; status: number }) =>
      recordRefusal(db, userId, planId, request),
    recordPlanExport: (userId: number, planId: number, details: { format: unknown; query: unknown }) => recordPlanExport(db, userId, planId, details),
    recordEvidenceDownload: (userId: number, evidenceId: number) => recordEvidenceDownload(db, userId, evidenceId),

    // ---- reminders
    /** Whether the user may preview reminder e-mails in any of their organisations. */
    mayPreviewReminders: (user: CurrentUser) => user.memberships.some((m) => can(user, 'reminders:preview', m.organisationId)),
    /** Today's reminder e-mails as they would be sent, without sending. */
    async reminderPreviews(user: CurrentUser) {
      const day = clock.today();
      return { day, previews: await previewDigests(db, user, day, config) };
    },
    /** Sends the day's reminders (today unless a day is given) that have not been sent yet. */
    sendReminders: (mailer: Mailer, log: ReminderLog, day = clock.today()) => sendDailyDigests({ db, mailer, config, log, now: () => clock.now() }, day),
  };
}

export type PlanService = ReturnType<typeof planService>;
