// The periodic review: review periods of a plan, the reviewer's progress update per commitment and period
// (draft → submitted → organisation's response → signed off with the period → locked; corrections are new
// versions), the RAG suggested from the evidence, the task list of a period, a commitment's update history and
// what changed since the previous period.
//
// Errors: a user who may not do something gets ReviewForbiddenError (show 403); a change the update's or the
// period's state no longer allows gets ReviewStateError (show its message, e.g. 409); an unknown plan,
// period or commitment gets NotFoundError (404). What the user typed wrong is never thrown: it comes back as
// `{ ok: false, errors: [{ field, message }] }` so the page can show an error summary and keep the answers.
// Every change and its audit event are stored in one transaction.
import type { Kysely } from 'kysely';
import { kpiStatus } from '../domain/kpi.ts';
import { minDate } from '../domain/iso-days.ts';
import type { ReviewPeriod } from '../domain/periods.ts';
import { dueAsOf, periodChanges, type ComparedCommitment, type PeriodChanges } from '../domain/period-comparison.ts';
import { suggestRag, type RagKpi, type RagMilestone, type RagSuggestion } from '../domain/suggest-rag.ts';
import type { DueWindow, IsoDate, Rag, RagDefinition } from '../domain/types.ts';
import {
  STAGE_LABELS,
  checkAction,
  checkCorrectionReason,
  checkResponse,
  checkSignOff,
  checkUpdateContent,
  nextStage,
  signOffProblems,
  type ActorRights,
  type Checked,
  type FieldError,
  type UpdateAction,
  type UpdateInput,
  type UpdateStage,
} from '../domain/update-flow.ts';
import type { Database } from '../store/schema.ts';
import type { CommitmentRecord, KpiReadingRecord, KpiRecord, MilestoneRecord, MilestoneRedateRecord, PlanRecord } from '../store/records.ts';
import { recordAudit } from '../store/audit-repository.ts';
import { lockRow, requireFresh, updateStamp } from './edit-conflicts.ts';
import { now } from '../store/column-values.ts';
import { getCommitment, listCommitments } from '../store/commitments-repository.ts';
import { listKpiReadings, listKpis } from '../store/kpis-repository.ts';
import { listMilestoneRedates, listMilestones } from '../store/milestones-repository.ts';
import { listEvidence } from '../store/monitoring-repository.ts';
import { scheduledWindows } from './milestone-schedule.ts';
import { missingReviewPeriods, storeMissingReviewPeriods, UPDATE_DUE_AFTER_DAYS } from './review-period-generation.ts';
import { measurableKpi } from './kpi-model.ts';
import { getPlanRecord } from '../store/plans-repository.ts';
import * as periods from '../store/review-periods-repository.ts';
import * as updates from '../store/progress-updates-repository.ts';
import type { ReviewPeriodRecord } from '../store/review-periods-repository.ts';
import type { ReviewUpdateRecord } from '../store/progress-updates-repository.ts';
import { inTransaction } from '../store/transaction.ts';
import { can, type CurrentUser } from './accounts.ts';
import { NotFoundError } from './plans.ts';
import { maySeeUpdate, updateVisibility, userViewer, visibleUpdates } from './update-visibility.ts';

export type { ReviewPeriodRecord, ReviewUpdateRecord, FieldError, Checked, UpdateStage, RagSuggestion };
export { NotFoundError };

type Db = Kysely<Database>;

/** The user may not do this (not a reviewer of this organisation, a plan owner writing the reviewer's column…). */
export class ReviewForbiddenError extends Error {
  override name = 'ReviewForbiddenError';
}

/** The update or period is no longer in a state that allows this (signed off and locked, already submitted…). */
export class ReviewStateError extends Error {
  override name = 'ReviewStateError';
}

export interface ReviewOptions {
  /** The day the evidence is judged on when the period has not ended yet (default: today, UTC). */
  today?: IsoDate;
}

/** What the reviewer typed in the update form. */
export interface UpdateForm extends UpdateInput {
  commitmentId: number;
  periodId: number;
  /** The version the form was read at (updateStamp); a save over a newer one is refused (EditConflictError). */
  readVersion?: string;
}

export interface CorrectionForm extends UpdateForm {
  correctionReason?: string | null;
}

export { UPDATE_DUE_AFTER_DAYS };

const DEFAULT_TODAY = (): IsoDate => new Date().toISOString().slice(0, 10);

// ---- loading and checks --------------------------------------------------------------------------------------

interface PeriodScope {
  plan: PlanRecord;
  period: ReviewPeriodRecord;
}

interface CommitmentScope extends PeriodScope {
  commitment: CommitmentRecord;
}

async function planOf(db: Db, planId: number): Promise<PlanRecord> {
  const plan = await getPlanRecord(db, planId);
  if (!plan) throw new NotFoundError(`There is no plan ${planId}`);
  return plan;
}

async function periodScope(db: Db, periodId: number): Promise<PeriodScope> {
  const period = await periods.getReviewPeriod(db, periodId);
  if (!period) throw new NotFoundError(`There is no review period ${periodId}`);
  return { period, plan: await planOf(db, period.planId) };
}

async function commitmentScope(db: Db, commitmentId: number, periodId: number): Promise<CommitmentScope> {
  const scope = await periodScope(db, periodId);
  const commitment = await getCommitment(db, commitmentId);
  if (!commitment || commitment.planId !== scope.plan.id) {
    throw new NotFoundError(`There is no commitment ${commitmentId} in the plan of review period ${periodId}`);
  }
  return { ...scope, commitment };
}

function rightsOf(user: CurrentUser, organisationId: number): ActorRights {
  return {
    write: can(user, 'update:write', organisationId),
    respond: can(user, 'update:respond', organisationId),
    signOff: can(user, 'update:sign-off', organisationId),
  };
}

function requireRead(user: CurrentUser, plan: PlanRecord): void {
  if (!can(user, 'plan:read', plan.organisationId)) throw new ReviewForbiddenError('You do not have access to this plan');
}

function requireAllowed(action: UpdateAction, stage: UpdateStage, scope: PeriodScope, user: CurrentUser): void {
  const check = checkAction(action, stage, scope.period.status === 'signed-off', rightsOf(user, scope.plan.organisationId));
  if (check.allowed) return;
  throw check.reason === 'forbidden' ? new ReviewForbiddenError(check.message) : new ReviewStateError(check.message);
}

function stageOf(update: ReviewUpdateRecord | undefined): UpdateStage {
  return update ? update.state : 'not-started';
}

/** The current (highest) version of each commitment's update among `list`. */
function currentByCommitment(list: readonly ReviewUpdateRecord[]): Map<number, ReviewUpdateRecord> {
  const map = new Map<number, ReviewUpdateRecord>();
  for (const u of list) {
    const seen = map.get(u.commitmentId);
    if (!seen || u.version > seen.version) map.set(u.commitmentId, u);
  }
  return map;
}

function audit(db: Db, scope: PeriodScope, user: CurrentUser, entity: string, entityId: number, action: string, before: unknown, after: unknown) {
  return recordAudit(db, { organisationId: scope.plan.organisationId, userId: user.id, entity, entityId, action, before, after });
}

// ---- evidence and the suggested RAG --------------------------------------------------------------------------

interface Evidence {
  /** Each milestone with its re-dates, its occurrence windows (recurring ones) and the days evidence was dated. */
  milestones: { record: MilestoneRecord; redates: MilestoneRedateRecord[]; occurrences: DueWindow[]; recordedOn: IsoDate[] }[];
  kpis: { record: KpiRecord; readings: KpiReadingRecord[] }[];
  /** Where KPI trajectories start: the plan period's first day. */
  planStart: IsoDate | null;
}

async function evidenceOf(db: Db, commitmentId: number, plan: PlanRecord): Promise<Evidence> {
  const [milestoneList, kpiList] = await Promise.all([listMilestones(db, commitmentId), listKpis(db, commitmentId)]);
  const milestones = [];
  for (const record of milestoneList) {
    const [redates, recorded] = await Promise.all([listMilestoneRedates(db, record.id), listEvidence(db, { milestoneId: record.id })]);
    const occurrences = record.recurrence ? scheduledWindows(record, plan) : [];
    milestones.push({ record, redates, occurrences, recordedOn: recorded.map((e) => e.date) });
  }
  const kpis = [];
  for (const record of kpiList) kpis.push({ record, readings: await listKpiReadings(db, record.id) });
  return { milestones, kpis, planStart: plan.period?.from ?? null };
}

/** "KPI: 33% of Board members are women by 2020" → "33% of Board members are women by 2020". */
function kpiName(text: string): string {
  return text.replace(/^\s*KPI\s*[:\-–]\s*/i, '').trim() || text;
}

function asOfDay(period: ReviewPeriodRecord, today: IsoDate): IsoDate {
  return minDate(today, period.endsOn);
}

/**
 * The RAG the evidence suggests for the period: milestones as they stood at its end (re-dates made later are
 * undone), KPI readings up to then. KPIs without a baseline, target and target date cannot be judged and are
 * left out.
 */
function suggestionFrom(evidence: Evidence, period: ReviewPeriodRecord, today: IsoDate): RagSuggestion {
  const asOf = asOfDay(period, today);
  const milestones: RagMilestone[] = evidence.milestones.map(({ record, redates, occurrences, recordedOn }) => {
    const steps = redates.map((r) => ({ changedAt: r.changedAt, oldDue: r.oldDue, newDue: r.newDue, reason: r.reason }));
    return {
      text: record.text,
      due: dueAsOf(record.due, steps, asOf),
      baselineDue: record.baseline,
      status: record.status,
      doneOn: record.doneOn,
      redates: redates.map((r) => ({ changedAt: r.changedAt, oldTo: r.oldDue?.to ?? null, newTo: r.newDue?.to ?? null, reason: r.reason })),
      occurrences,
      recordedOn,
    };
  });
  const kpis: RagKpi[] = evidence.kpis.flatMap(({ record: k, readings }) => {
    const measurable = measurableKpi(k, evidence.planStart);
    return measurable ? [{ name: kpiName(k.text), status: kpiStatus(measurable, readings, asOf) }] : [];
  });
  return suggestRag({ period: { from: period.startsOn, to: period.endsOn }, today, milestones, kpis });
}

/** The RAG suggested now for the commitment in the period, with its reasons (most serious first). */
export async function suggestionFor(db: Db, user: CurrentUser, commitmentId: number, periodId: number, opts: ReviewOptions = {}): Promise<RagSuggestion> {
  const scope = await commitmentScope(db, commitmentId, periodId);
  requireRead(user, scope.plan);
  return suggestionFrom(await evidenceOf(db, commitmentId, scope.plan), scope.period, opts.today ?? DEFAULT_TODAY());
}

// ---- review periods ------------------------------------------------------------------------------------------

/**
 * Stores the plan's review periods from its period, cadence and financial-year start, those it lacks only, so
 * calling it again changes nothing. A plan without a period has none. Returns every period, earliest first.
 * A write: pages that only show periods use listPlanReviewPeriods / plannedReviewPeriods, which never store.
 */
export function ensureReviewPeriods(db: Db, planId: number, userId: number | null = null): Promise<ReviewPeriodRecord[]> {
  return inTransaction(db, async (trx) => {
    await storeMissingReviewPeriods(trx, await planOf(trx, planId), userId, { audit: true });
    return periods.listReviewPeriods(trx, planId);
  });
}

/** The plan's stored review periods, earliest first. Reads only. */
export async function listPlanReviewPeriods(db: Db, user: CurrentUser, planId: number): Promise<ReviewPeriodRecord[]> {
  requireRead(user, await planOf(db, planId));
  return periods.listReviewPeriods(db, planId);
}

export interface PlannedReviewPeriods {
  /** Stored periods (they have pages), earliest first. */
  stored: ReviewPeriodRecord[];
  /** Periods the plan's settings call for that are not stored yet (set up by a write), earliest first. */
  missing: ReviewPeriod[];
  /** Whether the user may set the missing periods up (a reviewer or plan editor of the organisation). */
  maySetUp: boolean;
}

/** The stored periods and those the plan's settings call for but are not stored yet. Reads only. */
export async function plannedReviewPeriods(db: Db, user: CurrentUser, planId: number): Promise<PlannedReviewPeriods> {
  const plan = await planOf(db, planId);
  requireRead(user, plan);
  const stored = await periods.listReviewPeriods(db, planId);
  return { stored, missing: missingReviewPeriods(plan, stored), maySetUp: maySetUpPeriods(user, plan) };
}

function maySetUpPeriods(user: CurrentUser, plan: PlanRecord): boolean {
  return can(user, 'update:write', plan.organisationId) || can(user, 'plan:edit', plan.organisationId);
}

/** Stores the periods the plan lacks, for a reviewer or plan editor (a write: the POST behind "Set up"). */
export async function setUpReviewPeriods(db: Db, user: CurrentUser, planId: number): Promise<ReviewPeriodRecord[]> {
  const plan = await planOf(db, planId);
  requireRead(user, plan);
  if (!maySetUpPeriods(user, plan)) throw new ReviewForbiddenError('Only a reviewer or an editor of this plan can set up its review periods');
  return ensureReviewPeriods(db, planId, user.id);
}

// ---- the period's task list ----------------------------------------------------------------------------------

export interface ReviewTask {
  commitment: { id: number; number: number; title: string };
  stage: UpdateStage;
  /** "Not started", "In progress", "Submitted", "Signed off". */
  stageLabel: string;
  /** The current version, if any. */
  update: ReviewUpdateRecord | null;
  hasResponse: boolean;
}

export interface PeriodTaskList {
  plan: { id: number; title: string; organisationId: number };
  period: ReviewPeriodRecord;
  /** The period before this one, if the plan has one. */
  previous: ReviewPeriodRecord | null;
  locked: boolean;
  tasks: ReviewTask[];
  counts: Record<UpdateStage, number>;
  /** What the user may do here. */
  rights: ActorRights;
  /** Why the period cannot be signed off yet (empty when every update is submitted, or when it is signed off). */
  signOffProblems: FieldError[];
  canSignOff: boolean;
}

export async function periodTaskList(db: Db, user: CurrentUser, periodId: number): Promise<PeriodTaskList> {
  const scope = await periodScope(db, periodId);
  requireRead(user, scope.plan);
  const [commitments, all, planPeriods] = await Promise.all([
    listCommitments(db, scope.plan.id),
    updates.listPeriodUpdates(db, periodId),
    periods.listReviewPeriods(db, scope.plan.id),
  ]);
  const current = currentByCommitment(all);
  const visibility = updateVisibility(userViewer(user), scope.plan.organisationId);
  const tasks = commitments.map((c): ReviewTask => {
    const update = current.get(c.id);
    const stage = stageOf(update);
    // Everyone may see where each update stands; only those the visibility rule allows see what it says.
    const shown = update && maySeeUpdate(visibility, update) ? update : null;
    return {
      commitment: { id: c.id, number: c.number, title: c.title },
      stage,
      stageLabel: STAGE_LABELS[stage],
      update: shown,
      hasResponse: Boolean(shown?.response),
    };
  });
  const counts: Record<UpdateStage, number> = { 'not-started': 0, draft: 0, submitted: 0, 'signed-off': 0 };
  for (const t of tasks) counts[t.stage] += 1;
  const locked = scope.period.status === 'signed-off';
  const rights = rightsOf(user, scope.plan.organisationId);
  const problems = locked ? [] : signOffProblems(tasks.map((t) => ({ id: t.commitment.id, number: t.commitment.number, stage: t.stage })));
  const index = planPeriods.findIndex((p) => p.id === periodId);
  return {
    plan: { id: scope.plan.id, title: scope.plan.title, organisationId: scope.plan.organisationId },
    period: scope.period,
    previous: index > 0 ? (planPeriods[index - 1] ?? null) : null,
    locked,
    tasks,
    counts,
    rights,
    signOffProblems: problems,
    canSignOff: rights.signOff && !locked && problems.length === 0,
  };
}

// ---- the update form -----------------------------------------------------------------------------------------

export interface KpiForUpdate {
  id: number;
  name: string;
  unit: string | null;
  target: number | null;
  targetDate: IsoDate | null;
  /** The latest reading up to the end of the period (or today). */
  latest: KpiReadingRecord | null;
}

export interface UpdateFormData {
  plan: { id: number; title: string; organisationId: number; ragScheme: RagDefinition[] };
  period: ReviewPeriodRecord;
  commitment: CommitmentRecord;
  stage: UpdateStage;
  /** The current version, if any; `versions` holds every version, oldest first. */
  update: ReviewUpdateRecord | null;
  versions: ReviewUpdateRecord[];
  /** Suggested from the evidence now (the stored update keeps the suggestion made when it was saved). */
  suggestion: RagSuggestion;
  kpis: KpiForUpdate[];
  locked: boolean;
  rights: ActorRights;
}

/** Everything the update form and its check-your-answers page show. */
export async function updateFormData(
  db: Db,
  user: CurrentUser,
  commitmentId: number,
  periodId: number,
  opts: ReviewOptions = {},
): Promise<UpdateFormData> {
  const scope = await commitmentScope(db, commitmentId, periodId);
  requireRead(user, scope.plan);
  const today = opts.today ?? DEFAULT_TODAY();
  const asOf = asOfDay(scope.period, today);
  const [evidence, all] = await Promise.all([evidenceOf(db, commitmentId, scope.plan), updates.listPeriodUpdates(db, periodId)]);
  const allVersions = all.filter((u) => u.commitmentId === commitmentId);
  const current = allVersions[allVersions.length - 1];
  const versions = visibleUpdates(updateVisibility(userViewer(user), scope.plan.organisationId), allVersions);
  const update = current && versions.includes(current) ? current : undefined;
  return {
    plan: { id: scope.plan.id, title: scope.plan.title, organisationId: scope.plan.organisationId, ragScheme: scope.plan.ragScheme },
    period: scope.period,
    commitment: scope.commitment,
    stage: stageOf(current),
    update: update ?? null,
    versions,
    suggestion: suggestionFrom(evidence, scope.period, today),
    kpis: evidence.kpis.map(({ record, readings }) => ({
      id: record.id,
      name: kpiName(record.text),
      unit: record.unit,
      target: record.target,
      targetDate: record.targetDate,
      latest: readings.filter((r) => r.date <= asOf).at(-1) ?? null,
    })),
    locked: scope.period.status === 'signed-off',
    rights: rightsOf(user, scope.plan.organisationId),
  };
}

// ---- writing, submitting, responding -------------------------------------------------------------------------

async function checkedContent(db: Db, scope: CommitmentScope, form: UpdateInput, today: IsoDate) {
  const evidence = await evidenceOf(db, scope.commitment.id, scope.plan);
  const suggestion = suggestionFrom(evidence, scope.period, today);
  const checked = checkUpdateContent(form, { suggested: suggestion.rag, kpiIds: evidence.kpis.map((k) => k.record.id) });
  return { checked, suggestion };
}

/**
 * Saves the reviewer's update for the commitment in the period as a draft: creates it when there is none yet,
 * rewrites the draft otherwise. The RAG suggested from the evidence is computed and stored with it; a RAG other
 * than the suggested one needs a reason.
 */
export function saveUpdate(db: Db, user: CurrentUser, form: UpdateForm, opts: ReviewOptions = {}): Promise<Checked<ReviewUpdateRecord>> {
  return inTransaction(db, async (trx) => {
    const scope = await commitmentScope(trx, form.commitmentId, form.periodId);
    // Two saves at once of one commitment's update are taken one after the other (edit-conflicts.ts).
    await lockRow(trx, 'commitments', form.commitmentId);
    const current = await updates.getCurrentUpdate(trx, form.commitmentId, form.periodId);
    requireAllowed('write', stageOf(current), scope, user);
    requireFresh(form.readVersion, updateStamp(current), current);
    const { checked, suggestion } = await checkedContent(trx, scope, form, opts.today ?? DEFAULT_TODAY());
    if (!checked.ok) return checked;
    const values = { ...checked.value, suggestedRag: suggestion.rag, suggestedReasons: suggestion.reasons };
    const at = now();
    if (!current) {
      const created = await updates.insertUpdateVersion(trx, {
        ...values,
        commitmentId: form.commitmentId,
        reviewPeriodId: form.periodId,
        version: 1,
        state: nextStage('write'),
        createdBy: user.id,
        at,
      });
      await audit(trx, scope, user, 'progress-update', created.id, 'create', null, created);
      return { ok: true, value: created };
    }
    const rewritten = await updates.rewriteDraft(trx, current.id, values, at);
    if (!rewritten) throw new ReviewStateError('This update has been submitted and can no longer be edited');
    await audit(trx, scope, user, 'progress-update', rewritten.id, 'update', current, rewritten);
    return { ok: true, value: rewritten };
  });
}

/** Submits the reviewer's draft (after the check-your-answers page). Its content is checked again first. */
export function submitUpdate(db: Db, user: CurrentUser, commitmentId: number, periodId: number): Promise<Checked<ReviewUpdateRecord>> {
  return inTransaction(db, async (trx) => {
    const scope = await commitmentScope(trx, commitmentId, periodId);
    const current = await updates.getCurrentUpdate(trx, commitmentId, periodId);
    requireAllowed('submit', stageOf(current), scope, user);
    if (!current) throw new ReviewStateError('Only an update in progress can be submitted');
    const kpiIds = (await listKpis(trx, commitmentId)).map((k) => k.id);
    const checked = checkUpdateContent(current, { suggested: current.suggestedRag ?? current.rag ?? 'green', kpiIds });
    if (!checked.ok) return checked;
    const submitted = await updates.markSubmitted(trx, current.id, user.id, now());
    if (!submitted) throw new ReviewStateError('Only an update in progress can be submitted');
    await audit(trx, scope, user, 'progress-update', submitted.id, 'submit', current, submitted);
    return { ok: true, value: submitted };
  });
}

/** Adds (or replaces) the organisation's response to a submitted update: plan owner or admin only. */
export function respondToUpdate(
  db: Db,
  user: CurrentUser,
  commitmentId: number,
  periodId: number,
  response: string | null | undefined,
): Promise<Checked<ReviewUpdateRecord>> {
  return inTransaction(db, async (trx) => {
    const scope = await commitmentScope(trx, commitmentId, periodId);
    const current = await updates.getCurrentUpdate(trx, commitmentId, periodId);
    requireAllowed('respond', stageOf(current), scope, user);
    const checked = checkResponse(response);
    if (!checked.ok) return checked;
    if (!current) throw new ReviewStateError('The organisation can respond only to a submitted update');
    const responded = await updates.setResponse(trx, current.id, checked.value, user.id, now());
    if (!responded) throw new ReviewStateError('The organisation can respond only to a submitted update');
    await audit(trx, scope, user, 'progress-update', responded.id, 'respond', current, responded);
    return { ok: true, value: responded };
  });
}

// ---- sign-off and corrections --------------------------------------------------------------------------------

/**
 * Signs the period off: every commitment's update must be submitted (otherwise the errors name each one that
 * is not). The updates become signed off and the period is locked.
 */
export function signOffPeriod(db: Db, user: CurrentUser, periodId: number): Promise<Checked<ReviewPeriodRecord>> {
  return inTransaction(db, async (trx) => {
    const scope = await periodScope(trx, periodId);
    const check = checkSignOff(scope.period.status === 'signed-off', rightsOf(user, scope.plan.organisationId));
    if (!check.allowed) throw check.reason === 'forbidden' ? new ReviewForbiddenError(check.message) : new ReviewStateError(check.message);
    const [commitments, all] = await Promise.all([listCommitments(trx, scope.plan.id), updates.listPeriodUpdates(trx, periodId)]);
    const current = currentByCommitment(all);
    const problems = signOffProblems(commitments.map((c) => ({ id: c.id, number: c.number, stage: stageOf(current.get(c.id)) })));
    if (problems.length > 0) return { ok: false, errors: problems };
    const at = now();
    const signed = await updates.signOffSubmittedUpdates(trx, periodId, user.id, at);
    const period = await periods.markReviewPeriodSignedOff(trx, periodId, user.id, at);
    if (!period) throw new ReviewStateError('This review period has already been signed off');
    await audit(trx, scope, user, 'review-period', periodId, 'sign-off', scope.period, { ...period, updates: signed.map((u) => u.id) });
    return { ok: true, value: period };
  });
}

/**
 * Corrects a signed-off update: stores a new version (signed off, by the reviewer correcting it) with the reason,
 * the corrected content and a fresh suggestion; the organisation's response is carried over. Earlier versions
 * stay as they were.
 */
export function correctUpdate(db: Db, user: CurrentUser, form: CorrectionForm, opts: ReviewOptions = {}): Promise<Checked<ReviewUpdateRecord>> {
  return inTransaction(db, async (trx) => {
    const scope = await commitmentScope(trx, form.commitmentId, form.periodId);
    const current = await updates.getCurrentUpdate(trx, form.commitmentId, form.periodId);
    requireAllowed('correct', stageOf(current), scope, user);
    if (!current) throw new ReviewStateError('Only a signed-off update can be corrected');
    const reason = checkCorrectionReason(form.correctionReason);
    const { checked, suggestion } = await checkedContent(trx, scope, form, opts.today ?? DEFAULT_TODAY());
    const errors = [...(checked.ok ? [] : checked.errors), ...(reason.ok ? [] : reason.errors)];
    if (!checked.ok || !reason.ok) return { ok: false, errors };
    const at = now();
    const corrected = await updates.insertUpdateVersion(trx, {
      ...checked.value,
      suggestedRag: suggestion.rag,
      suggestedReasons: suggestion.reasons,
      commitmentId: form.commitmentId,
      reviewPeriodId: form.periodId,
      version: current.version + 1,
      state: nextStage('correct'),
      correctionReason: reason.value,
      response: current.response,
      responseAt: current.responseAt,
      responseBy: current.responseBy,
      submittedAt: at,
      submittedBy: user.id,
      signedOffAt: at,
      signedOffBy: user.id,
      createdBy: user.id,
      at,
    });
    await audit(trx, scope, user, 'progress-update', corrected.id, 'correct', current, corrected);
    return { ok: true, value: corrected };
  });
}

// ---- history and comparison ----------------------------------------------------------------------------------

export interface HistoryEntry {
  /** null for the updates imported with the plan, outside any review period (listed first). */
  period: ReviewPeriodRecord | null;
  /** Every version, oldest first: the last one is current. */
  versions: ReviewUpdateRecord[];
}

/** Every period's update of the commitment, periods in date order, each with all its versions. */
export async function commitmentHistory(db: Db, user: CurrentUser, commitmentId: number): Promise<HistoryEntry[]> {
  const commitment = await getCommitment(db, commitmentId);
  if (!commitment) throw new NotFoundError(`There is no commitment ${commitmentId}`);
  requireRead(user, await planOf(db, commitment.planId));
  const plan = await planOf(db, commitment.planId);
  const [stored, planPeriods] = await Promise.all([updates.listCommitmentUpdates(db, commitmentId), periods.listReviewPeriods(db, commitment.planId)]);
  const all = visibleUpdates(updateVisibility(userViewer(user), plan.organisationId), stored);
  const entries: HistoryEntry[] = [];
  const imported = all.filter((u) => u.reviewPeriodId === null);
  if (imported.length > 0) entries.push({ period: null, versions: imported });
  for (const period of planPeriods) {
    const versions = all.filter((u) => u.reviewPeriodId === period.id).sort((a, b) => a.version - b.version);
    if (versions.length > 0) entries.push({ period, versions });
  }
  return entries;
}

export interface PeriodComparison {
  period: ReviewPeriodRecord;
  /** The period before, whose updates the RAG moves are measured from (null for the first period). */
  previous: ReviewPeriodRecord | null;
  changes: PeriodChanges;
}

function ragsIn(list: readonly ReviewUpdateRecord[]): Map<number, Rag | null> {
  return new Map([...currentByCommitment(list)].map(([id, u]) => [id, u.rag]));
}

/** What changed for each commitment in the period since the previous one. */
export async function comparePeriod(db: Db, user: CurrentUser, periodId: number, opts: ReviewOptions = {}): Promise<PeriodComparison> {
  const scope = await periodScope(db, periodId);
  requireRead(user, scope.plan);
  const planPeriods = await periods.listReviewPeriods(db, scope.plan.id);
  const index = planPeriods.findIndex((p) => p.id === periodId);
  const previous = index > 0 ? (planPeriods[index - 1] ?? null) : null;
  const [commitments, inPeriod, before] = await Promise.all([
    listCommitments(db, scope.plan.id),
    updates.listPeriodUpdates(db, periodId),
    previous ? updates.listPeriodUpdates(db, previous.id) : Promise.resolve([]),
  ]);
  const visibility = updateVisibility(userViewer(user), scope.plan.organisationId);
  const rags = ragsIn(visibleUpdates(visibility, inPeriod));
  const previousRags = ragsIn(visibleUpdates(visibility, before));
  const compared: ComparedCommitment[] = [];
  for (const c of commitments) {
    const evidence = await evidenceOf(db, c.id, scope.plan);
    compared.push({
      id: c.id,
      number: c.number,
      title: c.title,
      rag: rags.get(c.id) ?? null,
      previousRag: previousRags.get(c.id) ?? null,
      milestones: evidence.milestones.map(({ record, redates }) => ({
        id: record.id,
        text: record.text,
        due: record.due,
        status: record.status,
        doneOn: record.doneOn,
        redates: redates.map((r) => ({ changedAt: r.changedAt, oldDue: r.oldDue, newDue: r.newDue, reason: r.reason })),
      })),
      readings: evidence.kpis.flatMap(({ record, readings }) =>
        readings.map((r) => ({ kpiId: record.id, kpiName: kpiName(record.text), date: r.date, value: r.value })),
      ),
    });
  }
  const period = { from: scope.period.startsOn, to: scope.period.endsOn };
  return { period: scope.period, previous, changes: periodChanges(compared, period, opts.today ?? DEFAULT_TODAY()) };
}
