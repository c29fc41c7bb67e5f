// A @fastify/rate-limit store over the database, so that every instance of the service counts the same hits.
// One row per key: its hits in the current window and when the window ends. Each hit is one atomic upsert.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

export interface RateLimitResult {
  current: number;
  ttl: number;
}

type Callback = (error: Error | null, result?: RateLimitResult) => void;

/** Counts one hit of `key`; the window is `windowMs` long from its first hit. */
export async function countHit(db: Db, key: string, windowMs: number, now = new Date()): Promise<RateLimitResult> {
  const at = now.toISOString();
  const resets = new Date(now.getTime() + windowMs).toISOString();
  const row = await db
    .insertInto('rate_limit_counters')
    .values({ key, hits: 1, resets_at: resets })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limit_counters.resets_at <= ${at} then 1 else rate_limit_counters.hits + 1 end`,
        resets_at: sql<string>`case when rate_limit_counters.resets_at <= ${at} then ${resets} else rate_limit_counters.resets_at end`,
      }),
    )
    .returning(['hits', 'resets_at'])
    .executeTakeFirstOrThrow();
  return { current: row.hits, ttl: Math.max(0, Date.parse(row.resets_at) - now.getTime()) };
}

/** Deletes the counters whose window has ended. */
export async function purgeRateLimitCounters(db: Db, now = new Date()): Promise<void> {
  await db.deleteFrom('rate_limit_counters').where('resets_at', '<=', now.toISOString()).execute();
}

/** The store class @fastify/rate-limit constructs (it passes only its options, so the database is closed over). */
export function databaseRateLimitStore(db: Db, prefix = '') {
  let calls = 0;
  return class DatabaseRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      if (++calls % 500 === 0) void purgeRateLimitCounters(db).catch(() => undefined);
      countHit(db, `${prefix}${key}`, timeWindow).then((r) => callback(null, r), (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))));
    }

    child(routeOptions: { path?: string; method?: string | string[] }): DatabaseRateLimitStore {
      const Child = databaseRateLimitStore(db, `${prefix}${String(routeOptions.method ?? '')} ${routeOptions.path ?? ''}:`);
      return new Child();
    }
  };
}
