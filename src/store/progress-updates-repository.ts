// Progress updates written in review periods: one row per version of a commitment's update in a period. The
// current update is the highest version; earlier versions are kept unchanged. Changes to an existing row are
// made only from the state the caller saw (`expected`), so two people acting at once cannot both win.
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Rag, UpdateState } from '../domain/types.ts';
import type { Database, ProgressUpdatesTable } from './schema.ts';
import type { ProgressUpdateRecord } from './records.ts';
import { asRag, fromJson } from './column-values.ts';
import { isCurrentVersion, toProgressUpdateRecord } from './progress-updates-rows.ts';
import { tableRows } from './table-rows.ts';

export interface ReviewUpdateRecord extends ProgressUpdateRecord {
  /** The RAG the evidence suggested when the update was last saved, and why. */
  suggestedRag: Rag | null;
  suggestedReasons: string[];
  /** Why the reviewer chose a RAG other than the suggested one. */
  ragOverrideReason: string | null;
  submittedAt: string | null;
  submittedBy: number | null;
  responseAt: string | null;
  responseBy: number | null;
  signedOffAt: string | null;
  signedOffBy: number | null;
}

export interface UpdateValues {
  rag: Rag;
  narrative: string;
  kpiRefs: number[];
  ragOverrideReason: string | null;
  suggestedRag: Rag;
  suggestedReasons: string[];
}

export interface NewUpdateVersion extends UpdateValues {
  commitmentId: number;
  reviewPeriodId: number;
  version: number;
  state: UpdateState;
  createdBy: number;
  at: string;
  correctionReason?: string | null;
  response?: string | null;
  responseAt?: string | null;
  responseBy?: number | null;
  submittedAt?: string | null;
  submittedBy?: number | null;
  signedOffAt?: string | null;
  signedOffBy?: number | null;
}

function reasonsOf(text: string | null): string[] {
  const parsed = fromJson(text);
  if (parsed === null) return [];
  if (!Array.isArray(parsed) || !parsed.every((r) => typeof r === 'string')) {
    throw new Error(`Unexpected value ${text} in progress_updates.suggested_reasons`);
  }
  return parsed;
}

export function toReviewUpdateRecord(row: Selectable<ProgressUpdatesTable>): ReviewUpdateRecord {
  return {
    ...toProgressUpdateRecord(row),
    suggestedRag: asRag(row.suggested_rag),
    suggestedReasons: reasonsOf(row.suggested_reasons),
    ragOverrideReason: row.rag_override_reason,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    responseAt: row.response_at,
    responseBy: row.response_by,
    signedOffAt: row.signed_off_at,
    signedOffBy: row.signed_off_by,
  };
}

/** The columns an update's content is kept in, for a new version or a change of the current one. */
function contentColumns(v: UpdateValues) {
  return {
    rag: v.rag,
    narrative: v.narrative,
    kpi_refs: JSON.stringify(v.kpiRefs),
    rag_override_reason: v.ragOverrideReason,
    suggested_rag: v.suggestedRag,
    suggested_reasons: JSON.stringify(v.suggestedReasons),
  };
}

const updateRows = tableRows('progress_updates', toReviewUpdateRecord);

/** Every version of every update in the period, by commitment then version. */
export function listPeriodUpdates(db: Kysely<Database>, reviewPeriodId: number): Promise<ReviewUpdateRecord[]> {
  return updateRows.listWhere(db, 'review_period_id', reviewPeriodId, 'commitment_id', 'version');
}

/** Every update of the commitment, all versions, those imported with the plan (no period) included. */
export function listCommitmentUpdates(db: Kysely<Database>, commitmentId: number): Promise<ReviewUpdateRecord[]> {
  return updateRows.listWhere(db, 'commitment_id', commitmentId, 'created_at', 'version', 'id');
}

/** The commitment's current (highest) version in the period, if any. */
export async function getCurrentUpdate(
  db: Kysely<Database>,
  commitmentId: number,
  reviewPeriodId: number,
): Promise<ReviewUpdateRecord | undefined> {
  const row = await db
    .selectFrom('progress_updates')
    .selectAll()
    .where('commitment_id', '=', commitmentId)
    .where('review_period_id', '=', reviewPeriodId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toReviewUpdateRecord(row);
}

export async function insertUpdateVersion(db: Kysely<Database>, v: NewUpdateVersion): Promise<ReviewUpdateRecord> {
  return updateRows.insert(db, {
    commitment_id: v.commitmentId,
    review_period_id: v.reviewPeriodId,
    version: v.version,
    ...contentColumns(v),
    state: v.state,
    correction_reason: v.correctionReason ?? null,
    response: v.response ?? null,
    response_at: v.responseAt ?? null,
    response_by: v.responseBy ?? null,
    submitted_at: v.submittedAt ?? null,
    submitted_by: v.submittedBy ?? null,
    signed_off_at: v.signedOffAt ?? null,
    signed_off_by: v.signedOffBy ?? null,
    created_by: v.createdBy,
    created_at: v.at,
    updated_at: v.at,
  });
}

async function changeFrom(
  db: Kysely<Database>,
  id: number,
  expected: UpdateState,
  set: Updateable<ProgressUpdatesTable>,
): Promise<ReviewUpdateRecord | undefined> {
  const row = await db
    .updateTable('progress_updates')
    .set(set)
    .where('id', '=', id)
    .where('state', '=', expected)
    .returningAll()
    .executeTakeFirst();
  return row && toReviewUpdateRecord(row);
}

/** Rewrites a draft; undefined when the row is no longer a draft. */
export function rewriteDraft(db: Kysely<Database>, id: number, values: UpdateValues, at: string): Promise<ReviewUpdateRecord | undefined> {
  return changeFrom(db, id, 'draft', { ...contentColumns(values), updated_at: at });
}

/** Marks a draft submitted; undefined when the row is no longer a draft. */
export function markSubmitted(db: Kysely<Database>, id: number, userId: number, at: string): Promise<ReviewUpdateRecord | undefined> {
  return changeFrom(db, id, 'draft', { state: 'submitted', submitted_at: at, submitted_by: userId, updated_at: at });
}

/** Sets the organisation's response on a submitted update; undefined when it is no longer submitted. */
export function setResponse(db: Kysely<Database>, id: number, response: string, userId: number, at: string): Promise<ReviewUpdateRecord | undefined> {
  return changeFrom(db, id, 'submitted', { response, response_at: at, response_by: userId, updated_at: at });
}

/**
 * Signs off the period's submitted updates among `ids` (the current versions; all when not given); returns them. A version that was
 * returned to draft stays as it was submitted, so it is never among them.
 */
export async function signOffSubmittedUpdates(
  db: Kysely<Database>,
  reviewPeriodId: number,
  userId: number,
  at: string,
  ids?: readonly number[],
): Promise<ReviewUpdateRecord[]> {
  if (ids && ids.length === 0) return [];
  let query = db
    .updateTable('progress_updates')
    .set({ state: 'signed-off', signed_off_at: at, signed_off_by: userId, updated_at: at })
    .where('review_period_id', '=', reviewPeriodId)
    .where('state', '=', 'submitted');
  if (ids) query = query.where('id', 'in', [...ids]);
  const rows = await query.returningAll().execute();
  return rows.map(toReviewUpdateRecord);
}

/** Every current version (the highest per commitment) in the plan's periods: for reminders and the task lists. */
export async function listCurrentUpdatesOfPeriods(db: Kysely<Database>, reviewPeriodIds: readonly number[]): Promise<ReviewUpdateRecord[]> {
  if (reviewPeriodIds.length === 0) return [];
  const rows = await db
    .selectFrom('progress_updates as pu')
    .selectAll('pu')
    .where('pu.review_period_id', 'in', [...reviewPeriodIds])
    .where(isCurrentVersion)
    .orderBy('pu.review_period_id')
    .orderBy('pu.commitment_id')
    .execute();
  return rows.map(toReviewUpdateRecord);
}
