// Review periods of a plan: generated once from the plan's settings, listed in date order, signed off (locked)
// once by the reviewer.
import type { Kysely, Selectable } from 'kysely';
import type { ReviewPeriod } from '../domain/periods.ts';
import type { IsoDate } from '../domain/types.ts';
import type { Database, ReviewPeriodsTable } from './schema.ts';

export type ReviewPeriodStatus = 'open' | 'signed-off';

export interface ReviewPeriodRecord {
  id: number;
  planId: number;
  /** "2019/20 Q1". */
  label: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  /** When the updates for the period are due. */
  dueOn: IsoDate;
  /** 'signed-off': locked, its updates never change again (corrections are new versions). */
  status: ReviewPeriodStatus;
  signedOffAt: string | null;
  signedOffBy: number | null;
}

function toRecord(row: Selectable<ReviewPeriodsTable>): ReviewPeriodRecord {
  if (row.status !== 'open' && row.status !== 'signed-off') throw new Error(`Unexpected value "${row.status}" in review_periods.status`);
  return {
    id: row.id,
    planId: row.plan_id,
    label: row.label,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    dueOn: row.due_on,
    status: row.status,
    signedOffAt: row.signed_off_at,
    signedOffBy: row.signed_off_by,
  };
}

/** The plan's periods, earliest first. */
export async function listReviewPeriods(db: Kysely<Database>, planId: number): Promise<ReviewPeriodRecord[]> {
  const rows = await db.selectFrom('review_periods').selectAll().where('plan_id', '=', planId).orderBy('starts_on').orderBy('id').execute();
  return rows.map(toRecord);
}

export async function getReviewPeriod(db: Kysely<Database>, id: number): Promise<ReviewPeriodRecord | undefined> {
  const row = await db.selectFrom('review_periods').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

/** Stores those of `periods` whose label the plan does not have yet; returns how many were added. */
export async function addMissingReviewPeriods(db: Kysely<Database>, planId: number, periods: readonly ReviewPeriod[]): Promise<number> {
  const existing = new Set((await listReviewPeriods(db, planId)).map((p) => p.label));
  const missing = periods.filter((p) => !existing.has(p.label));
  if (missing.length === 0) return 0;
  await db
    .insertInto('review_periods')
    .values(missing.map((p) => ({ plan_id: planId, label: p.label, starts_on: p.from, ends_on: p.to, due_on: p.due, status: 'open' })))
    .execute();
  return missing.length;
}

/** Marks an open period signed off; undefined when it was not open (already signed off, or gone). */
export async function markReviewPeriodSignedOff(
  db: Kysely<Database>,
  id: number,
  userId: number,
  at: string,
): Promise<ReviewPeriodRecord | undefined> {
  const row = await db
    .updateTable('review_periods')
    .set({ status: 'signed-off', signed_off_at: at, signed_off_by: userId })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
  return row && toRecord(row);
}
