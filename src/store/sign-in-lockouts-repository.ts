// Wrong-password counts per e-mail address (known or not) and lock-outs. Times are ISO-8601 UTC text.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

/** Until when the address is refused, or null when it is not (now). */
export async function lockedUntil(db: Db, email: string, now: Date): Promise<string | null> {
  const row = await db.selectFrom('sign_in_lockouts').select('locked_until').where('email', '=', email).executeTakeFirst();
  return row?.locked_until && row.locked_until > now.toISOString() ? row.locked_until : null;
}

/**
 * Counts one wrong password for the address (a new window when the last one started `windowMs` ago or more) and,
 * at `max` failures in the window, locks the address for `lockMs`. Atomic on both databases (one upsert).
 * Returns until when it is now locked, or null.
 */
export async function countFailure(db: Db, email: string, now: Date, limits: { max: number; windowMs: number; lockMs: number }): Promise<string | null> {
  const at = now.toISOString();
  const windowCutoff = new Date(now.getTime() - limits.windowMs).toISOString();
  const row = await db
    .insertInto('sign_in_lockouts')
    .values({ email, failures: 1, window_started_at: at, locked_until: null })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({
        failures: sql<number>`case when sign_in_lockouts.window_started_at <= ${windowCutoff} then 1 else sign_in_lockouts.failures + 1 end`,
        window_started_at: sql<string>`case when sign_in_lockouts.window_started_at <= ${windowCutoff} then ${at} else sign_in_lockouts.window_started_at end`,
      }),
    )
    .returning(['failures'])
    .executeTakeFirstOrThrow();
  if (row.failures < limits.max) return null;
  const until = new Date(now.getTime() + limits.lockMs).toISOString();
  // The lock starts a fresh count: after it ends, another `max` failures lock again.
  await db.updateTable('sign_in_lockouts').set({ locked_until: until, failures: 0, window_started_at: at }).where('email', '=', email).execute();
  return until;
}

export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('sign_in_lockouts').where('email', '=', email).execute();
}
