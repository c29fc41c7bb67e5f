// The one access check for anything addressed by id. It loads the thing and the plan it belongs to, then asks
// `can()`: something that does not exist, or belongs to an organisation the user is not a member of, is "not
// found" (404), so ids cannot be probed; a member whose role does not allow the action is "forbidden" (403).
// Pages, the JSON API and the command line all answer from this outcome.
import type {
  CommitmentRecord,
  EvidenceRecord,
  KpiRecord,
  MilestoneRecord,
  MonitoringItemRecord,
  OrganisationRecord,
  PlanRecord,
} from '../domain/records.ts';
import { getCommitment } from '../store/commitments-repository.ts';
import { getKpi } from '../store/kpis-repository.ts';
import { getMilestone } from '../store/milestones-repository.ts';
import { getEvidence, getMonitoringItem } from '../store/monitoring-repository.ts';
import { getOrganisation } from '../store/organisations-repository.ts';
import { getPlanRecord } from '../store/plans-repository.ts';
import { getReviewPeriod, type ReviewPeriodRecord } from '../store/review-periods-repository.ts';
import { archivedFor, can, type Action, type CurrentUser } from './accounts.ts';
import type { ServiceContext } from './context.ts';

export const RESOURCE_KINDS = ['organisation', 'plan', 'commitment', 'milestone', 'kpi', 'monitoring-item', 'evidence', 'review-period'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** The thing asked for with everything above it, as far as the plan. */
export interface LoadedResource {
  kind: ResourceKind;
  organisationId: number;
  /** Loaded for rules about an organisation itself (import into it, create a plan in it). */
  organisation?: OrganisationRecord;
  plan?: PlanRecord;
  commitment?: CommitmentRecord;
  milestone?: MilestoneRecord;
  kpi?: KpiRecord;
  item?: MonitoringItemRecord;
  evidence?: EvidenceRecord;
  period?: ReviewPeriodRecord;
}

export type AccessOutcome =
  | { ok: true; resource: LoadedResource }
  | { ok: false; status: 404 }
  /** `archived`: the role would allow it, but the organisation is archived, so its plans are read-only. */
  | { ok: false; status: 403; archived: boolean };

type Partial = Omit<LoadedResource, 'organisationId' | 'kind'> & { organisationId?: number };

export function resourceAccessService({ db }: ServiceContext) {
  async function withPlan(found: Partial, planId: number | undefined): Promise<Partial | undefined> {
    const plan = planId === undefined ? undefined : await getPlanRecord(db, planId);
    return plan && { ...found, plan, organisationId: plan.organisationId };
  }
  async function withCommitment(found: Partial, commitmentId: number | null | undefined): Promise<Partial | undefined> {
    const commitment = commitmentId == null ? undefined : await getCommitment(db, commitmentId);
    return commitment && withPlan({ ...found, commitment }, commitment.planId);
  }

  async function load(kind: ResourceKind, id: number): Promise<Partial | undefined> {
    switch (kind) {
      case 'organisation': {
        const organisation = await getOrganisation(db, id);
        return organisation && { organisationId: organisation.id, organisation };
      }
      case 'plan':
        return withPlan({}, id);
      case 'commitment':
        return withCommitment({}, id);
      case 'milestone': {
        const milestone = await getMilestone(db, id);
        return milestone && withCommitment({ milestone }, milestone.commitmentId);
      }
      case 'kpi': {
        const kpi = await getKpi(db, id);
        return kpi && withCommitment({ kpi }, kpi.commitmentId);
      }
      case 'monitoring-item': {
        const item = await getMonitoringItem(db, id);
        return item && withCommitment({ item }, item.commitmentId);
      }
      case 'evidence': {
        const evidence = await getEvidence(db, id);
        if (!evidence) return undefined;
        if (evidence.milestoneId !== null) {
          const milestone = await getMilestone(db, evidence.milestoneId);
          return milestone && withCommitment({ evidence, milestone }, milestone.commitmentId);
        }
        const item = evidence.monitoringItemId === null ? undefined : await getMonitoringItem(db, evidence.monitoringItemId);
        return item && withCommitment({ evidence, item }, item.commitmentId);
      }
      case 'review-period': {
        const period = await getReviewPeriod(db, id);
        return period && withPlan({ period }, period.planId);
      }
    }
  }

  return {
    /** May `user` do `action` on the `kind` with this id? The outcome carries what was loaded. */
    async check(user: CurrentUser | null | undefined, kind: ResourceKind, id: number, action: Action): Promise<AccessOutcome> {
      const found = await load(kind, id);
      if (!found || found.organisationId === undefined || !can(user, 'plan:read', found.organisationId)) return { ok: false, status: 404 };
      const resource: LoadedResource = { ...found, kind, organisationId: found.organisationId };
      const leadUserId = resource.commitment?.leadUserId;
      if (!can(user, action, resource.organisationId, { leadUserId })) return { ok: false, status: 403, archived: archivedFor(user, resource.organisationId) };
      return { ok: true, resource };
    },
  };
}
