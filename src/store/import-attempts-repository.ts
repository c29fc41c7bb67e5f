// Import attempts (see migration 010): counted per user over a recent window to limit uploads. The table is
// declared here with `withTables`, beside the only code that uses it.
import type { Generated, Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface ImportAttemptsTable {
  id: Generated<number>;
  user_id: number;
  created_at: string;
}

type Db = Kysely<Database>;

const withAttempts = (db: Db) => db.withTables<{ import_attempts: ImportAttemptsTable }>();

/** The user's attempts since `since` (ISO time). */
export async function countImportAttempts(db: Db, userId: number, since: string): Promise<number> {
  const row = await withAttempts(db)
    .selectFrom('import_attempts')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Records an attempt at `at`, deleting every attempt older than `forgetBefore`. */
export async function recordImportAttempt(db: Db, userId: number, at: string, forgetBefore: string): Promise<void> {
  await withAttempts(db).deleteFrom('import_attempts').where('created_at', '<', forgetBefore).execute();
  await withAttempts(db).insertInto('import_attempts').values({ user_id: userId, created_at: at }).execute();
}
