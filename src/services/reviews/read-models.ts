// The review's read models: a plan's review periods (stored and still to set up), a period's task list, the
// update form's data, the RAG the evidence suggests, a commitment's update history and what changed since the
// previous period. They never write, and show each update only as the one visibility rule allows.
import { periodChanges, type ComparedCommitment, type PeriodChanges } from '../../domain/period-comparison.ts';
import type { ReviewPeriod } from '../../domain/periods.ts';
import type { RagSuggestion } from '../../domain/suggest-rag.ts';
import type { IsoDate, Rag, RagDefinition } from '../../domain/types.ts';
import { STAGE_LABELS, signOffProblems, type ActorRights, type FieldError, type UpdateStage } from '../../domain/update-flow.ts';
import type { CommitmentRecord, KpiReadingRecord } from '../../domain/records.ts';
import { getCommitment, listCommitments } from '../../store/commitments-repository.ts';
import * as periods from '../../store/review-periods-repository.ts';
import * as updates from '../../store/progress-updates-repository.ts';
import type { ReviewPeriodRecord } from '../../store/review-periods-repository.ts';
import type { ReviewUpdateRecord } from '../../store/progress-updates-repository.ts';
import type { CurrentUser } from '../accounts.ts';
import { missingReviewPeriods } from '../review-period-generation.ts';
import { maySeeUpdate, updateVisibility, userViewer, visibleUpdates } from '../update-visibility.ts';
import { NotFoundError } from './errors.ts';
import { asOfDay, evidenceFrom, evidenceOf, kpiName, suggestionFrom } from './evidence.ts';
import { judgingFrom, type Judging } from './judging.ts';
import { withdrawalsIn, type Withdrawal } from './withdrawals.ts';
import { loadCommitmentEvidence } from '../../store/review-evidence-repository.ts';
import {
  commitmentScope,
  currentByCommitment,
  maySetUpPeriods,
  periodScope,
  planOf,
  requireRead,
  rightsOf,
  stageOf,
  todayOf,
  type Db,
  type ReviewOptions,
} from './scope.ts';

/** The RAG suggested now for the commitment in the period, with its reasons (most serious first). */
export async function suggestionFor(db: Db, user: CurrentUser, commitmentId: number, periodId: number, opts: ReviewOptions = {}): Promise<RagSuggestion> {
  const scope = await commitmentScope(db, commitmentId, periodId);
  requireRead(user, scope.plan);
  return suggestionFrom(await evidenceOf(db, commitmentId, scope.plan), scope.period, todayOf(opts));
}

// ---- review periods ------------------------------------------------------------------------------------------

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

// ---- the period's task list ----------------------------------------------------------------------------------

export interface ReviewTask {
  commitment: { id: number; number: number; title: string };
  stage: UpdateStage;
  /** "Not started", "In progress", "Submitted", "Signed off". */
  stageLabel: string;
  /** The current version, if any. */
  update: ReviewUpdateRecord | null;
  hasResponse: boolean;
  /** Submitted, not signed off, and the organisation has not responded yet. */
  awaitingResponse: boolean;
  /** Each time a submitted version was returned to draft in this period, oldest first. */
  withdrawals: Withdrawal[];
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
  /** Submitted updates the organisation has not responded to yet. */
  responsesRemaining: number;
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
      awaitingResponse: stage === 'submitted' && !update?.response,
      withdrawals: withdrawalsIn(all.filter((u) => u.commitmentId === c.id)),
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
    responsesRemaining: locked ? 0 : tasks.filter((t) => t.awaitingResponse).length,
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
  /** Everything the reviewer judges the commitment on, for this period. */
  judging: Judging;
  /** Each time a submitted version was returned to draft, with the reason (reviewers and owners both see these). */
  withdrawals: Withdrawal[];
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
  const today = todayOf(opts);
  const asOf = asOfDay(scope.period, today);
  // A fixed number of queries, however many milestones and KPIs the commitment has.
  const [rows, stored, planPeriods] = await Promise.all([
    loadCommitmentEvidence(db, commitmentId),
    updates.listCommitmentUpdates(db, commitmentId),
    periods.listReviewPeriods(db, scope.plan.id),
  ]);
  const evidence = evidenceFrom(rows, scope.plan);
  const allVersions = stored.filter((u) => u.reviewPeriodId === periodId).sort((a, b) => a.version - b.version);
  const current = allVersions[allVersions.length - 1];
  const visibility = updateVisibility(userViewer(user), scope.plan.organisationId);
  const versions = visibleUpdates(visibility, allVersions);
  const update = current && versions.includes(current) ? current : undefined;
  const suggestion = suggestionFrom(evidence, scope.period, today);
  const index = planPeriods.findIndex((p) => p.id === periodId);
  const previousPeriod = index > 0 ? planPeriods[index - 1] : undefined;
  const previousCurrent = previousPeriod && currentByCommitment(stored.filter((u) => u.reviewPeriodId === previousPeriod.id)).get(commitmentId);
  const previous = previousPeriod
    ? { period: previousPeriod, update: previousCurrent && maySeeUpdate(visibility, previousCurrent) ? previousCurrent : null }
    : null;
  return {
    plan: { id: scope.plan.id, title: scope.plan.title, organisationId: scope.plan.organisationId, ragScheme: scope.plan.ragScheme },
    period: scope.period,
    commitment: scope.commitment,
    stage: stageOf(current),
    update: update ?? null,
    versions,
    suggestion,
    judging: judgingFrom(rows, scope.plan, scope.period, asOf, suggestion, previous),
    withdrawals: withdrawalsIn(allVersions),
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
  return { period: scope.period, previous, changes: periodChanges(compared, period, todayOf(opts)) };
}

