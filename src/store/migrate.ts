// Applies the schema migrations in order, each once, recorded in the `schema_migrations` table.
import { sql } from 'kysely';
import type { Store } from './database.ts';
import { up as initial } from './migrations/001-initial.ts';
import { up as foreignKeyIndexes } from './migrations/002-foreign-key-indexes.ts';
import { up as reviewCycle } from './migrations/003-review-cycle.ts';
import { up as feedsAndReminders } from './migrations/004-feeds-and-reminders.ts';
import { up as importDrafts } from './migrations/005-import-drafts.ts';
import { up as signInLimits } from './migrations/006-sign-in-limits.ts';
import { up as auditChain } from './migrations/007-audit-chain.ts';
import { up as importAttempts } from './migrations/010-import-attempts.ts';
import { up as apiTokens } from './migrations/011-api-tokens.ts';
import { up as people } from './migrations/012-people.ts';
import { up as scheduledRuns } from './migrations/014-scheduled-runs.ts';
import { up as contentVersion } from './migrations/015-content-version.ts';
import { up as portfolioIndexes } from './migrations/016-portfolio-indexes.ts';

export const MIGRATIONS: { name: string; up: typeof initial }[] = [
  { name: '001-initial', up: initial },
  { name: '002-foreign-key-indexes', up: foreignKeyIndexes },
  { name: '003-review-cycle', up: reviewCycle },
  { name: '004-feeds-and-reminders', up: feedsAndReminders },
  { name: '005-import-drafts', up: importDrafts },
  { name: '006-sign-in-limits', up: signInLimits },
  { name: '007-audit-chain', up: auditChain },
  { name: '010-import-attempts', up: importAttempts },
  { name: '011-api-tokens', up: apiTokens },
  { name: '012-people', up: people },
  { name: '014-scheduled-runs', up: scheduledRuns },
  { name: '015-content-version', up: contentVersion },
  { name: '016-portfolio-indexes', up: portfolioIndexes },
];

export async function migrate(store: Store): Promise<string[]> {
  const { db, dialect } = store;
  if (dialect !== 'postgres') return applyMigrations(db, dialect);
  // Several instances may start at once on one PostgreSQL (a deployment behind a load balancer): a lock held by
  // one connection lets one of them migrate while the others wait, then find nothing left to do. One lock per
  // schema, so that schemas in one database (the tests') do not wait for each other.
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext('tracker migrations ' || current_schema()))`.execute(conn);
    try {
      return await applyMigrations(conn, dialect);
    } finally {
      await sql`select pg_advisory_unlock(hashtext('tracker migrations ' || current_schema()))`.execute(conn);
    }
  });
}

async function applyMigrations(db: Store['db'], dialect: Store['dialect']): Promise<string[]> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const applied = new Set(
    (await sql<{ name: string }>`select name from schema_migrations`.execute(db)).rows.map((r) => r.name),
  );
  const ran: string[] = [];
  for (const m of MIGRATIONS) {
    if (applied.has(m.name)) continue;
    await db.transaction().execute(async (trx) => {
      await m.up(trx, dialect);
      await sql`insert into schema_migrations (name, applied_at) values (${m.name}, ${new Date().toISOString()})`.execute(trx);
    });
    ran.push(m.name);
  }
  return ran;
}
