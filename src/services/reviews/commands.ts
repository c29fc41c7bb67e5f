// The review's commands: setting up a plan's review periods, and the reviewer's progress update per commitment
// and period (draft → submitted → organisation's response → signed off with the period → locked; corrections
// are new versions). Refusals are thrown (errors.ts); what the user typed wrong is never thrown: it comes back as
// `{ ok: false, errors: [{ field, message }] }` so the page can show an error summary and keep the answers.
// Every change and its audit event are stored in one transaction.
import {
  checkCorrectionReason,
  checkResponse,
  checkSignOff,
  checkUpdateContent,
  nextStage,
  signOffProblems,
  type Checked,
  type UpdateInput,
} from '../../domain/update-flow.ts';
import type { IsoDate } from '../../domain/types.ts';
import type { UpdateAction } from '../../domain/update-flow.ts';
import { listCommitments } from '../../store/commitments-repository.ts';
import { listKpis } from '../../store/kpis-repository.ts';
import { now } from '../../store/column-values.ts';
import * as periods from '../../store/review-periods-repository.ts';
import * as updates from '../../store/progress-updates-repository.ts';
import type { ReviewPeriodRecord } from '../../store/review-periods-repository.ts';
import type { ReviewUpdateRecord } from '../../store/progress-updates-repository.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { CurrentUser } from '../accounts.ts';
import { lockRow, requireFresh, updateStamp } from '../edit-conflicts.ts';
import { storeMissingReviewPeriods } from '../review-period-generation.ts';
import { ReviewForbiddenError, ReviewStateError } from './errors.ts';
import { checkWithdrawalReason } from './withdrawals.ts';
import { evidenceOf, suggestionFrom } from './evidence.ts';
import {
  audit,
  commitmentScope,
  currentByCommitment,
  maySetUpPeriods,
  periodScope,
  planOf,
  requireAllowed,
  requireRead,
  rightsOf,
  stageOf,
  todayOf,
  type CommitmentScope,
  type Db,
  type ReviewOptions,
} from './scope.ts';

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

/** Stores the periods the plan lacks, for a reviewer or plan editor (a write: the POST behind "Set up"). */
export async function setUpReviewPeriods(db: Db, user: CurrentUser, planId: number): Promise<ReviewPeriodRecord[]> {
  const plan = await planOf(db, planId);
  requireRead(user, plan);
  if (!maySetUpPeriods(user, plan)) throw new ReviewForbiddenError('Only a reviewer or an editor of this plan can set up its review periods');
  return ensureReviewPeriods(db, planId, user.id);
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
    const { checked, suggestion } = await checkedContent(trx, scope, form, todayOf(opts));
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

/** The commitment's scope in the period and its current update, once `action` on it is allowed to the user. */
async function allowedUpdate(trx: Db, user: CurrentUser, action: UpdateAction, commitmentId: number, periodId: number) {
  const scope = await commitmentScope(trx, commitmentId, periodId);
  const current = await updates.getCurrentUpdate(trx, commitmentId, periodId);
  requireAllowed(action, stageOf(current), scope, user);
  return { scope, current };
}

/** The update as `action` changed it, recorded in the audit trail; no change means it was no longer in a stage to change. */
async function changedUpdate(
  trx: Db, scope: CommitmentScope, user: CurrentUser, action: UpdateAction, before: ReviewUpdateRecord, after: ReviewUpdateRecord | undefined, refusal: string,
): Promise<Checked<ReviewUpdateRecord>> {
  if (!after) throw new ReviewStateError(refusal);
  await audit(trx, scope, user, 'progress-update', after.id, action, before, after);
  return { ok: true, value: after };
}

/** Submits the reviewer's draft (after the check-your-answers page). Its content is checked again first. */
export function submitUpdate(db: Db, user: CurrentUser, commitmentId: number, periodId: number): Promise<Checked<ReviewUpdateRecord>> {
  return inTransaction(db, async (trx) => {
    const { scope, current } = await allowedUpdate(trx, user, 'submit', commitmentId, periodId);
    if (!current) throw new ReviewStateError('Only an update in progress can be submitted');
    const kpiIds = (await listKpis(trx, commitmentId)).map((k) => k.id);
    const checked = checkUpdateContent(current, { suggested: current.suggestedRag ?? current.rag ?? 'green', kpiIds });
    if (!checked.ok) return checked;
    const submitted = await updates.markSubmitted(trx, current.id, user.id, now());
    return changedUpdate(trx, scope, user, 'submit', current, submitted, 'Only an update in progress can be submitted');
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
    const { scope, current } = await allowedUpdate(trx, user, 'respond', commitmentId, periodId);
    const checked = checkResponse(response);
    if (!checked.ok) return checked;
    if (!current) throw new ReviewStateError('The organisation can respond only to a submitted update');
    const responded = await updates.setResponse(trx, current.id, checked.value, user.id, now());
    return changedUpdate(trx, scope, user, 'respond', current, responded, 'The organisation can respond only to a submitted update');
  });
}

// ---- returning to draft -------------------------------------------------------------------------------------

/**
 * Returns a submitted update to draft before the period is signed off (the reviewer "withdraws" it), with a
 * reason. The submitted version stays exactly as it was; a new draft version copies its content (and the
 * organisation's response, which the owner may change once it is submitted again) and carries the reason.
 */
export function returnToDraft(
  db: Db,
  user: CurrentUser,
  commitmentId: number,
  periodId: number,
  reason: string | null | undefined,
): Promise<Checked<{ withdrawn: ReviewUpdateRecord; draft: ReviewUpdateRecord }>> {
  return inTransaction(db, async (trx) => {
    const scope = await commitmentScope(trx, commitmentId, periodId);
    await lockRow(trx, 'commitments', commitmentId);
    const current = await updates.getCurrentUpdate(trx, commitmentId, periodId);
    const rights = rightsOf(user, scope.plan.organisationId);
    if (!rights.write) throw new ReviewForbiddenError('Only a reviewer of this organisation can return an update to draft');
    if (scope.period.status === 'signed-off') throw new ReviewStateError('This review period has been signed off: its updates can no longer be returned to draft');
    if (!current || current.state !== 'submitted') throw new ReviewStateError('Only a submitted update can be returned to draft');
    const checked = checkWithdrawalReason(reason);
    if (!checked.ok) return checked;
    const at = now();
    const draft = await updates.insertUpdateVersion(trx, {
      rag: current.rag ?? current.suggestedRag ?? 'green',
      narrative: current.narrative,
      kpiRefs: current.kpiRefs,
      ragOverrideReason: current.ragOverrideReason,
      suggestedRag: current.suggestedRag ?? current.rag ?? 'green',
      suggestedReasons: current.suggestedReasons,
      commitmentId,
      reviewPeriodId: periodId,
      version: current.version + 1,
      state: 'draft',
      correctionReason: checked.value,
      response: current.response,
      responseAt: current.responseAt,
      responseBy: current.responseBy,
      createdBy: user.id,
      at,
    });
    await audit(trx, scope, user, 'progress-update', draft.id, 'return-to-draft', current, draft);
    return { ok: true, value: { withdrawn: current, draft } };
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
    const signed = await updates.signOffSubmittedUpdates(trx, periodId, user.id, at, [...current.values()].map((u) => u.id));
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
    const { scope, current } = await allowedUpdate(trx, user, 'correct', form.commitmentId, form.periodId);
    if (!current) throw new ReviewStateError('Only a signed-off update can be corrected');
    const reason = checkCorrectionReason(form.correctionReason);
    const { checked, suggestion } = await checkedContent(trx, scope, form, todayOf(opts));
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
