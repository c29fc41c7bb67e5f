// Calendar feeds: a user's secret calendar address, stored as sha256 of its token (see migration 004).
// The table is declared here rather than in schema.ts: only this module and its migration use it.
import type { Generated, Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface CalendarFeedsTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_at: string;
}

type FeedDb = Kysely<Database & { calendar_feeds: CalendarFeedsTable }>;

export interface CalendarFeedRecord {
  id: number;
  userId: number;
  createdAt: string;
}

const feeds = (db: Kysely<Database>): FeedDb => db.withTables<{ calendar_feeds: CalendarFeedsTable }>();

/** Replaces any feed the user has with one for `tokenHash`. */
export async function replaceCalendarFeed(db: Kysely<Database>, userId: number, tokenHash: string, at: string): Promise<CalendarFeedRecord> {
  await feeds(db).deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
  const row = await feeds(db)
    .insertInto('calendar_feeds')
    .values({ user_id: userId, token_hash: tokenHash, created_at: at })
    .returning(['id', 'user_id', 'created_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, userId: row.user_id, createdAt: row.created_at };
}

/** Deletes the user's feeds; returns how many there were. */
export async function deleteCalendarFeeds(db: Kysely<Database>, userId: number): Promise<number> {
  const result = await feeds(db).deleteFrom('calendar_feeds').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The feed whose `column` holds `value` (there is at most one: a user has one feed, a hash names one). */
async function findFeed(db: Kysely<Database>, column: 'user_id' | 'token_hash', value: number | string): Promise<CalendarFeedRecord | undefined> {
  const row = await feeds(db).selectFrom('calendar_feeds').select(['id', 'user_id', 'created_at']).where(column, '=', value).executeTakeFirst();
  return row && { id: row.id, userId: row.user_id, createdAt: row.created_at };
}

export function findCalendarFeedOfUser(db: Kysely<Database>, userId: number): Promise<CalendarFeedRecord | undefined> {
  return findFeed(db, 'user_id', userId);
}

export function findCalendarFeedByHash(db: Kysely<Database>, tokenHash: string): Promise<CalendarFeedRecord | undefined> {
  return findFeed(db, 'token_hash', tokenHash);
}
