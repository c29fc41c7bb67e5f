// Plan use cases: each change and its audit event (who, what, before/after) are stored in one transaction.
import type { Kysely } from 'kysely';
import type { DueWindow, IsoDate, MilestoneStatus, PlanDraft } from '../domain/types.ts';
import type { Database } from '../store/schema.ts';
import type {
  CommitmentRecord,
  EvidenceRecord,
  KpiReadingRecord,
  KpiRecord,
  MilestoneRecord,
  MonitoringItemRecord,
  PlanRecord,
} from '../store/records.ts';
import { recordAudit } from '../store/audit-repository.ts';
import { contentVersion, lockRow, requireFresh, type LockableTable } from './edit-conflicts.ts';
import { ownerOf, type Owned, type Owner } from '../store/ownership-queries.ts';
import { inTransaction } from '../store/transaction.ts';
import * as plans from '../store/plans-repository.ts';
import * as commitments from '../store/commitments-repository.ts';
import * as milestones from '../store/milestones-repository.ts';
import * as kpis from '../store/kpis-repository.ts';
import * as monitoring from '../store/monitoring-repository.ts';
import { reconcileReviewPeriods, storeMissingReviewPeriods } from './review-period-generation.ts';

type Db = Kysely<Database>;

/** The plan, commitment, milestone… a use case names does not exist. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

interface Change<T> {
  result: T;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

function nameOf(thing: Owned): string {
  const [kind, id] = Object.entries(thing)[0] ?? ['thing', '?'];
  return `${kind.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)} ${id}`;
}

/** Runs `change` on the thing's organisation and records it as `entity`/`action`, all in one transaction. */
function audited<T>(
  db: Db,
  userId: number | null,
  entity: string,
  action: string,
  thing: Owned,
  change: (trx: Db, owner: Owner) => Promise<Change<T>>,
): Promise<T> {
  return inTransaction(db, async (trx) => {
    const owner = await ownerOf(trx, thing);
    if (!owner) throw new NotFoundError(`There is no ${nameOf(thing)}`);
    const { result, entityId, before, after } = await change(trx, owner);
    await recordAudit(trx, { organisationId: owner.organisationId, userId, entity, entityId, action, before, after });
    return result;
  });
}

function found<T>(value: T | undefined, thing: Owned): T {
  if (value === undefined) throw new NotFoundError(`There is no ${nameOf(thing)}`);
  return value;
}

/** Creates a record under `parent`, recorded with what was created. */
function auditedCreate<T extends { id: number }>(
  db: Db, userId: number | null, entity: string, parent: Owned, create: (trx: Db) => Promise<T>,
): Promise<T> {
  return audited(db, userId, entity, 'create', parent, async (trx) => {
    const after = await create(trx);
    return { result: after, entityId: after.id, after };
  });
}

/**
 * Changes the record `id` (`thing`) that a form read at `readVersion`: the row is locked, the form must have read
 * its current content (services/edit-conflicts.ts), and the change is recorded before and after.
 */
function auditedEdit<T>(
  db: Db, userId: number | null, entity: string, table: LockableTable, thing: Owned, id: number, readVersion: string | undefined,
  get: (trx: Db, id: number) => Promise<unknown>, update: (trx: Db) => Promise<T | undefined>,
): Promise<T> {
  return audited(db, userId, entity, 'update', thing, async (trx) => {
    await lockRow(trx, table, id);
    const before = await get(trx, id);
    requireFresh(readVersion, contentVersion(before), before);
    const after = found(await update(trx), thing);
    return { result: after, entityId: id, before, after };
  });
}

/** Deletes the record `id` (`thing`), recorded with what it was. */
function auditedDelete(
  db: Db, userId: number | null, entity: string, thing: Owned, id: number,
  get: (trx: Db, id: number) => Promise<unknown>, remove: (trx: Db, id: number) => Promise<unknown>,
): Promise<void> {
  return audited(db, userId, entity, 'delete', thing, async (trx) => {
    const before = await get(trx, id);
    await remove(trx, id);
    return { result: undefined, entityId: id, before };
  });
}

// ---- plans ---------------------------------------------------------------------------------------------------

/** Stores an imported plan for the organisation; returns its id. */
export function importPlan(
  db: Db,
  organisationId: number,
  draft: PlanDraft,
  userId: number | null,
  opts: plans.SavePlanOptions = {},
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const planId = await plans.savePlanDraft(trx, organisationId, draft, opts);
    const plan = found(await plans.getPlanRecord(trx, planId), { plan: planId });
    await recordAudit(trx, {
      organisationId,
      userId,
      entity: 'plan',
      entityId: planId,
      action: 'import',
      after: {
        title: plan.title,
        sourceName: plan.sourceName,
        commitments: draft.commitments.length,
        milestones: draft.commitments.reduce((n, c) => n + c.milestones.length, 0),
      },
    });
    await storeMissingReviewPeriods(trx, plan, userId, { audit: false });
    return planId;
  });
}

/** Creates an empty plan by hand for the organisation. */
export function createPlan(db: Db, organisationId: number, input: plans.NewPlan, userId: number | null): Promise<PlanRecord> {
  return inTransaction(db, async (trx) => {
    const after = await plans.createPlan(trx, organisationId, input);
    await recordAudit(trx, { organisationId, userId, entity: 'plan', entityId: after.id, action: 'create', after });
    await storeMissingReviewPeriods(trx, after, userId, { audit: false });
    return after;
  });
}

/** `readVersion`: the plan's contentVersion when the form was read; a save over a newer one throws EditConflictError. */
export function updatePlanSettings(db: Db, planId: number, changes: plans.PlanChanges, userId: number | null, readVersion?: string): Promise<PlanRecord> {
  return audited(db, userId, 'plan', 'update', { plan: planId }, async (trx) => {
    await lockRow(trx, 'plans', planId);
    const before = await plans.getPlanRecord(trx, planId);
    requireFresh(readVersion, contentVersion(before), before);
    const after = found(await plans.updatePlan(trx, planId, changes), { plan: planId });
    // A new cadence or financial-year start reconciles the stored periods (never touching one with updates);
    // otherwise the periods the plan's dates now call for are added.
    const recut = before && (before.reviewCadence !== after.reviewCadence || before.fyStartMonth !== after.fyStartMonth);
    if (recut) await reconcileReviewPeriods(trx, after, userId);
    else await storeMissingReviewPeriods(trx, after, userId, { audit: false });
    return { result: after, entityId: planId, before, after };
  });
}

/** Deletes the plan and everything in it. */
export function removePlan(db: Db, planId: number, userId: number | null): Promise<void> {
  return auditedDelete(db, userId, 'plan', { plan: planId }, planId, plans.getPlanRecord, plans.deletePlan);
}

// ---- commitments ---------------------------------------------------------------------------------------------

export function addCommitment(db: Db, planId: number, input: commitments.NewCommitment, userId: number | null): Promise<CommitmentRecord> {
  return auditedCreate(db, userId, 'commitment', { plan: planId }, (trx) => commitments.createCommitment(trx, planId, input));
}

export function editCommitment(
  db: Db,
  commitmentId: number,
  changes: commitments.CommitmentChanges,
  userId: number | null,
  readVersion?: string,
): Promise<CommitmentRecord> {
  return auditedEdit(db, userId, 'commitment', 'commitments', { commitment: commitmentId }, commitmentId, readVersion,
    commitments.getCommitment, (trx) => commitments.updateCommitment(trx, commitmentId, changes));
}

export function reorderCommitments(db: Db, planId: number, orderedIds: number[], userId: number | null): Promise<CommitmentRecord[]> {
  return audited(db, userId, 'plan', 'reorder-commitments', { plan: planId }, async (trx) => {
    const before = (await commitments.listCommitments(trx, planId)).map((c) => c.id);
    const result = await commitments.reorderCommitments(trx, planId, orderedIds);
    return { result, entityId: planId, before, after: result.map((c) => c.id) };
  });
}

export function removeCommitment(db: Db, commitmentId: number, userId: number | null): Promise<void> {
  return auditedDelete(db, userId, 'commitment', { commitment: commitmentId }, commitmentId, commitments.getCommitment, commitments.deleteCommitment);
}

// ---- milestones ----------------------------------------------------------------------------------------------

export function addMilestone(db: Db, commitmentId: number, input: milestones.NewMilestone, userId: number | null): Promise<MilestoneRecord> {
  return auditedCreate(db, userId, 'milestone', { commitment: commitmentId }, (trx) => milestones.createMilestone(trx, commitmentId, input));
}

/** Corrects a milestone as recorded (text, a misread date). A change of plan is `redateMilestone`. */
export function editMilestone(
  db: Db,
  milestoneId: number,
  changes: milestones.MilestoneChanges,
  userId: number | null,
  readVersion?: string,
): Promise<MilestoneRecord> {
  return auditedEdit(db, userId, 'milestone', 'milestones', { milestone: milestoneId }, milestoneId, readVersion,
    milestones.getMilestone, (trx) => milestones.updateMilestone(trx, milestoneId, changes));
}

/** Moves the milestone's due window, keeping its baseline; the reason and approver go to its history. */
export function redateMilestone(
  db: Db,
  milestoneId: number,
  newDue: DueWindow | null,
  reason: string,
  userId: number | null,
): Promise<milestones.Redated> {
  return audited(db, userId, 'milestone', 'redate', { milestone: milestoneId }, async (trx) => {
    const before = await milestones.getMilestone(trx, milestoneId);
    const result = await milestones.redateMilestone(trx, milestoneId, newDue, reason, userId);
    return { result, entityId: milestoneId, before, after: { ...result.milestone, reason: result.redate.reason } };
  });
}

export function setMilestoneStatus(
  db: Db,
  milestoneId: number,
  status: MilestoneStatus,
  userId: number | null,
  doneOn?: IsoDate,
): Promise<MilestoneRecord> {
  return audited(db, userId, 'milestone', 'status', { milestone: milestoneId }, async (trx) => {
    const before = await milestones.getMilestone(trx, milestoneId);
    const after = found(await milestones.setMilestoneStatus(trx, milestoneId, status, doneOn), { milestone: milestoneId });
    return { result: after, entityId: milestoneId, before, after };
  });
}

export function removeMilestone(db: Db, milestoneId: number, userId: number | null): Promise<void> {
  return auditedDelete(db, userId, 'milestone', { milestone: milestoneId }, milestoneId, milestones.getMilestone, milestones.deleteMilestone);
}

// ---- KPIs ----------------------------------------------------------------------------------------------------

export function addKpi(db: Db, commitmentId: number, input: kpis.NewKpi, userId: number | null): Promise<KpiRecord> {
  return auditedCreate(db, userId, 'kpi', { commitment: commitmentId }, (trx) => kpis.createKpi(trx, commitmentId, input));
}

export function editKpi(db: Db, kpiId: number, changes: kpis.KpiChanges, userId: number | null, readVersion?: string): Promise<KpiRecord> {
  return auditedEdit(db, userId, 'kpi', 'kpis', { kpi: kpiId }, kpiId, readVersion,
    kpis.getKpi, (trx) => kpis.updateKpi(trx, kpiId, changes));
}

export function recordKpiReading(db: Db, kpiId: number, reading: kpis.NewKpiReading, userId: number | null): Promise<KpiReadingRecord> {
  return audited(db, userId, 'kpi', 'reading', { kpi: kpiId }, async (trx) => {
    const after = await kpis.addKpiReading(trx, kpiId, reading);
    return { result: after, entityId: kpiId, after };
  });
}

// ---- monitoring and evidence ---------------------------------------------------------------------------------

export function addMonitoringItem(db: Db, commitmentId: number, text: string, userId: number | null): Promise<MonitoringItemRecord> {
  return auditedCreate(db, userId, 'monitoring-item', { commitment: commitmentId }, (trx) => monitoring.createMonitoringItem(trx, commitmentId, text));
}

export function editMonitoringItem(db: Db, itemId: number, text: string, userId: number | null): Promise<MonitoringItemRecord> {
  return audited(db, userId, 'monitoring-item', 'update', { monitoringItem: itemId }, async (trx) => {
    const before = await monitoring.getMonitoringItem(trx, itemId);
    const after = found(await monitoring.updateMonitoringItem(trx, itemId, text), { monitoringItem: itemId });
    return { result: after, entityId: itemId, before, after };
  });
}

/** Deletes the monitoring item and its evidence. */
export function removeMonitoringItem(db: Db, itemId: number, userId: number | null): Promise<void> {
  return auditedDelete(db, userId, 'monitoring-item', { monitoringItem: itemId }, itemId, monitoring.getMonitoringItem, monitoring.deleteMonitoringItem);
}

/** Adds evidence to a monitoring item or a milestone, recorded as added by `userId`. */
export function addEvidence(
  db: Db,
  evidence: monitoring.EvidenceTarget & Omit<monitoring.EvidenceDetails, 'createdBy'>,
  userId: number | null,
): Promise<EvidenceRecord> {
  const thing: Owned = 'monitoringItemId' in evidence ? { monitoringItem: evidence.monitoringItemId } : { milestone: evidence.milestoneId };
  return auditedCreate(db, userId, 'evidence', thing, (trx) => monitoring.addEvidence(trx, { ...evidence, createdBy: userId }));
}
