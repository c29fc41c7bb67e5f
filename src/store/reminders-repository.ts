// What reminder digests are made of (open milestones, review periods waiting for updates, who holds which role)
// and the record of digests sent: one row per person per day (see migration 004). The table is declared here
// rather than in schema.ts: only this module and its migration use it.
import type { Kysely } from 'kysely';
import type { IsoDate, Role } from '../domain/types.ts';
import type { Database } from './schema.ts';
import { ROLES } from '../domain/types.ts';
import { commitmentsOfPlans, openPeriodsOfOpenPlans, type ReviewReminderRow } from './review-periods-repository.ts';

export interface ReminderDigestsTable {
  user_id: number;
  day: string;
  email: string;
  /** 'sending': claimed, not yet accepted by the SMTP server; 'sent': accepted. */
  status: string;
  items: number;
  claimed_at: string;
  sent_at: string | null;
  message_id: string | null;
}

type DigestDb = Kysely<Database & { reminder_digests: ReminderDigestsTable }>;
const digests = (db: Kysely<Database>): DigestDb => db.withTables<{ reminder_digests: ReminderDigestsTable }>();

export interface SentDigestRecord {
  userId: number;
  day: IsoDate;
  email: string;
  status: 'sending' | 'sent';
  items: number;
  sentAt: string | null;
}

export interface ReminderMilestoneRow {
  milestoneId: number;
  text: string;
  dueTo: IsoDate;
  commitmentId: number;
  commitmentNumber: number;
  commitmentTitle: string;
  leadUserId: number | null;
  planId: number;
  planTitle: string;
  organisationId: number;
  organisationName: string;
}

/** An open period a reminder names: a review reminder's period, without the organisation's part. */
export type ReminderPeriodRow = Omit<ReviewReminderRow, 'endsOn' | 'awaitingResponse'>;

export interface ReminderPersonRow {
  userId: number;
  email: string;
  name: string;
  organisationId: number;
  role: Role;
}

/** Open (not done, not dropped) dated milestones of plans that are not closed, due on or before `until`. */
export async function listOpenMilestonesDueBy(db: Kysely<Database>, until: IsoDate): Promise<ReminderMilestoneRow[]> {
  return db
    .selectFrom('milestones')
    .innerJoin('commitments', 'commitments.id', 'milestones.commitment_id')
    .innerJoin('plans', 'plans.id', 'commitments.plan_id')
    .innerJoin('organisations', 'organisations.id', 'plans.organisation_id')
    .select([
      'milestones.id as milestoneId',
      'milestones.text as text',
      'milestones.due_to as dueTo',
      'commitments.id as commitmentId',
      'commitments.number as commitmentNumber',
      'commitments.title as commitmentTitle',
      'commitments.lead_user_id as leadUserId',
      'plans.id as planId',
      'plans.title as planTitle',
      'organisations.id as organisationId',
      'organisations.name as organisationName',
    ])
    .where('milestones.status', 'not in', ['done', 'dropped'])
    .where('milestones.due_to', 'is not', null)
    .where('milestones.due_to', '<=', until)
    .where('plans.status', '!=', 'closed')
    .orderBy('milestones.due_to')
    .orderBy('commitments.position')
    .orderBy('milestones.position')
    .orderBy('milestones.id')
    .execute() as Promise<ReminderMilestoneRow[]>;
}

/** Open review periods of plans that are not closed, due on or before `until`, with the commitments still missing an update. */
export async function listOpenPeriodsDueBy(db: Kysely<Database>, until: IsoDate): Promise<ReminderPeriodRow[]> {
  const periods = await openPeriodsOfOpenPlans(db).where('review_periods.due_on', '<=', until).execute();
  if (periods.length === 0) return [];
  const planIds = [...new Set(periods.map((p) => p.planId))];
  const [commitments, done] = await Promise.all([
    commitmentsOfPlans(db, planIds).execute(),
    db
      .selectFrom('progress_updates')
      .select(['commitment_id', 'review_period_id'])
      .where('review_period_id', 'in', periods.map((p) => p.periodId))
      .where('state', 'in', ['submitted', 'signed-off'])
      .execute(),
  ]);
  const written = new Set(done.map((u) => `${u.review_period_id}:${u.commitment_id}`));
  return periods.map((p) => ({
    ...p,
    missing: commitments
      .filter((c) => c.plan_id === p.planId && !written.has(`${p.periodId}:${c.id}`))
      .map((c) => ({ number: c.number, title: c.title })),
  }));
}

/** Who holds which role where, with their e-mail address and name. */
export async function listPeopleWithRoles(db: Kysely<Database>): Promise<ReminderPersonRow[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as userId', 'users.email as email', 'users.name as name', 'memberships.organisation_id as organisationId', 'memberships.role as role'])
    .orderBy('users.id')
    .execute();
  return rows.flatMap((r) => {
    const role = ROLES.find((x) => x === r.role);
    return role ? [{ ...r, role }] : [];
  });
}

export async function getPeople(db: Kysely<Database>, userIds: number[]): Promise<{ userId: number; email: string; name: string }[]> {
  if (userIds.length === 0) return [];
  return db.selectFrom('users').select(['id as userId', 'email', 'name']).where('id', 'in', userIds).execute();
}

/**
 * Claims the day's digest for the user before it is sent. False when it is already claimed (sent earlier, or
 * being sent by another run): the primary key (user, day) lets only one claim succeed.
 */
export async function claimDigest(
  db: Kysely<Database>,
  claim: { userId: number; day: IsoDate; email: string; items: number; at: string },
): Promise<boolean> {
  const result = await digests(db)
    .insertInto('reminder_digests')
    .values({ user_id: claim.userId, day: claim.day, email: claim.email, status: 'sending', items: claim.items, claimed_at: claim.at })
    .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function markDigestSent(db: Kysely<Database>, userId: number, day: IsoDate, at: string, messageId: string | null): Promise<void> {
  await digests(db)
    .updateTable('reminder_digests')
    .set({ status: 'sent', sent_at: at, message_id: messageId })
    .where('user_id', '=', userId)
    .where('day', '=', day)
    .execute();
}

/** Gives up a claim whose e-mail could not be sent, so that a later run tries again. */
export async function releaseDigest(db: Kysely<Database>, userId: number, day: IsoDate): Promise<void> {
  await digests(db)
    .deleteFrom('reminder_digests')
    .where('user_id', '=', userId)
    .where('day', '=', day)
    .where('status', '=', 'sending')
    .execute();
}

export async function listDigestsOfDay(db: Kysely<Database>, day: IsoDate): Promise<SentDigestRecord[]> {
  const rows = await digests(db).selectFrom('reminder_digests').selectAll().where('day', '=', day).orderBy('user_id').execute();
  return rows.map((r) => ({
    userId: r.user_id,
    day: r.day,
    email: r.email,
    status: r.status === 'sent' ? 'sent' : 'sending',
    items: r.items,
    sentAt: r.sent_at,
  }));
}
