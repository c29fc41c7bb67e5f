// Review periods of a plan: generated once from the plan's settings, listed in date order, signed off (locked)
// once by the reviewer.
import type { Kysely, Selectable } from 'kysely';
import type { ReviewPeriod } from '../domain/periods.ts';
import type { IsoDate } from '../domain/types.ts';
import type { Database, ReviewPeriodsTable } from './schema.ts';
import { isCurrentVersion } from './progress-updates-rows.ts';
import { tableRows } from './table-rows.ts';

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

const periodRows = tableRows('review_periods', toRecord);

/** The plan's periods, earliest first. */
export async function listReviewPeriods(db: Kysely<Database>, planId: number): Promise<ReviewPeriodRecord[]> {
  return periodRows.listWhere(db, 'plan_id', planId, 'starts_on', 'id');
}

export async function getReviewPeriod(db: Kysely<Database>, id: number): Promise<ReviewPeriodRecord | undefined> {
  return periodRows.byId(db, id);
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

/** Deletes the plan's periods among `ids` that have no progress update at all; returns how many went. */
export async function deleteEmptyReviewPeriods(db: Kysely<Database>, planId: number, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .deleteFrom('review_periods')
    .where('plan_id', '=', planId)
    .where('id', 'in', [...ids])
    .where('status', '=', 'open')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('progress_updates').select('id').whereRef('progress_updates.review_period_id', '=', 'review_periods.id'))))
    .executeTakeFirst();
  return Number(result.numDeletedRows ?? 0n);
}

/** The ids of the plan's periods that hold at least one progress update (any version, any state). */
export async function periodsWithUpdates(db: Kysely<Database>, planId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('progress_updates')
    .innerJoin('review_periods', 'review_periods.id', 'progress_updates.review_period_id')
    .select('progress_updates.review_period_id as periodId')
    .where('review_periods.plan_id', '=', planId)
    .distinct()
    .execute();
  return new Set(rows.flatMap((r) => (r.periodId === null ? [] : [r.periodId])));
}

export interface ReviewReminderRow {
  periodId: number;
  label: string;
  endsOn: IsoDate;
  dueOn: IsoDate;
  planId: number;
  planTitle: string;
  organisationId: number;
  organisationName: string;
  /** Commitments whose current update is not submitted (or signed off) yet: the reviewer's part. */
  missing: { number: number; title: string }[];
  /** Commitments whose current update is submitted with no response yet: the organisation's part. */
  awaitingResponse: { number: number; title: string }[];
}

/**
 * Open periods of plans that are not closed, with their plan and organisation, earliest due first: what reminders
 * are about. The caller chooses which periods by date.
 */
export function openPeriodsOfOpenPlans(db: Kysely<Database>) {
  return db
    .selectFrom('review_periods')
    .innerJoin('plans', 'plans.id', 'review_periods.plan_id')
    .innerJoin('organisations', 'organisations.id', 'plans.organisation_id')
    .select([
      'review_periods.id as periodId',
      'review_periods.label as label',
      'review_periods.due_on as dueOn',
      'plans.id as planId',
      'plans.title as planTitle',
      'organisations.id as organisationId',
      'organisations.name as organisationName',
    ])
    .where('review_periods.status', '=', 'open')
    .where('plans.status', '!=', 'closed')
    .orderBy('review_periods.due_on')
    .orderBy('review_periods.id');
}

/** The commitments of the plans, in order, with what a reminder names them by. */
export function commitmentsOfPlans(db: Kysely<Database>, planIds: number[]) {
  return db.selectFrom('commitments').select(['id', 'plan_id', 'number', 'title']).where('plan_id', 'in', planIds).orderBy('position').orderBy('id');
}

/**
 * Open periods of plans that are not closed, ending on or before `until`, with what is outstanding in each: by
 * the current version of every commitment's update (a version returned to draft no longer counts as submitted).
 */
export async function listOpenPeriodsEndingBy(db: Kysely<Database>, until: IsoDate): Promise<ReviewReminderRow[]> {
  const periods = await openPeriodsOfOpenPlans(db)
    .select('review_periods.ends_on as endsOn')
    .where('review_periods.ends_on', '<=', until)
    .execute();
  if (periods.length === 0) return [];
  const [commitments, current] = await Promise.all([
    commitmentsOfPlans(db, [...new Set(periods.map((p) => p.planId))]).execute(),
    db
      .selectFrom('progress_updates as pu')
      .select(['pu.commitment_id', 'pu.review_period_id', 'pu.state', 'pu.response'])
      .where('pu.review_period_id', 'in', periods.map((p) => p.periodId))
      .where(isCurrentVersion)
      .execute(),
  ]);
  const stateOf = new Map(current.map((u) => [`${u.review_period_id}:${u.commitment_id}`, u]));
  return periods.map((p) => {
    const mine = commitments.filter((c) => c.plan_id === p.planId);
    const update = (c: { id: number }) => stateOf.get(`${p.periodId}:${c.id}`);
    return {
      ...p,
      missing: mine.filter((c) => !['submitted', 'signed-off'].includes(update(c)?.state ?? '')).map((c) => ({ number: c.number, title: c.title })),
      awaitingResponse: mine.filter((c) => update(c)?.state === 'submitted' && !update(c)?.response).map((c) => ({ number: c.number, title: c.title })),
    };
  });
}
