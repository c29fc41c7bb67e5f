// Sign-in limits, kept in the database so that every instance of the service shares them:
// - sign_in_lockouts: wrong passwords per email address (known or not, so a lock-out says nothing about whether
//   an account exists) within a window, and until when the address is refused;
// - rate_limit_counters: the hits of each @fastify/rate-limit key (e.g. a client address) in its current window.
// Times are ISO-8601 UTC text, which sorts and compares the same way on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('sign_in_lockouts')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('resets_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_counters_resets').on('rate_limit_counters').column('resets_at').execute();
}
