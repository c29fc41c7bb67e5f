// The content version: one number that goes up with every write to what the service shows (plans and everything in
// them, reviews, people, memberships, organisations, the audit trail). Database triggers raise it, in the same
// transaction as the write, whichever code or instance makes the write, so a change is never missed and is seen by
// every instance the moment it commits. What is kept in memory between requests (the signed-in user, rendered
// pages) is kept under the version it was read at and thrown away when the version moves on.
//
// Tables written while people only read, or that no page shows, raise nothing: sessions (renewed on reads), sign-in
// counters, rate limits, API tokens (last used), scheduled runs, import drafts, one-time links and the migrations'
// own record.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { Dialect } from './database.ts';

export const UNVERSIONED_TABLES: ReadonlySet<string> = new Set([
  'content_version',
  'schema_migrations',
  'sessions',
  'sign_in_lockouts',
  'rate_limit_counters',
  'api_tokens',
  'scheduled_runs',
  'import_drafts',
  'import_attempts',
  'sso_requests',
  'password_resets',
]);

const TRIGGER_SUFFIX = 'content_version';
const OPERATIONS = ['insert', 'update', 'delete'] as const;
const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** The tables of the current database (SQLite) or schema (PostgreSQL). */
export async function tableNames(db: AnyDb, dialect: Dialect): Promise<string[]> {
  const rows =
    dialect === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

/** The tables that carry the version triggers. */
export async function versionedTables(db: AnyDb, dialect: Dialect): Promise<string[]> {
  const triggers =
    dialect === 'postgres'
      ? await sql<{ table: string }>`select distinct event_object_table as "table" from information_schema.triggers where trigger_schema = current_schema() and trigger_name like ${`%_${TRIGGER_SUFFIX}`}`.execute(db)
      : await sql<{ table: string }>`select distinct tbl_name as "table" from sqlite_master where type = 'trigger' and name like ${`%_${TRIGGER_SUFFIX}_%`}`.execute(db);
  return triggers.rows.map((r) => r.table).sort();
}

/** Creates the counter and the function the PostgreSQL triggers call. */
export async function createContentVersion(db: AnyDb, dialect: Dialect): Promise<void> {
  await sql`create table content_version (id integer primary key check (id = 1), version bigint not null)`.execute(db);
  await sql`insert into content_version (id, version) values (1, 1)`.execute(db);
  if (dialect === 'postgres') {
    await sql`create function raise_content_version() returns trigger language plpgsql as $$
      begin
        update content_version set version = version + 1 where id = 1;
        return null;
      end $$`.execute(db);
  }
}

/** Makes every write to `table` raise the content version (a migration that adds a table calls this). */
export async function versionTable(db: AnyDb, dialect: Dialect, table: string): Promise<void> {
  if (!TABLE_NAME.test(table)) throw new Error(`Not a table name: ${table}`);
  if (dialect === 'postgres') {
    // Once per statement: a statement that writes many rows raises the version once.
    await sql.raw(`create trigger ${table}_${TRIGGER_SUFFIX} after insert or update or delete or truncate on ${table}
      for each statement execute function raise_content_version()`).execute(db);
    return;
  }
  for (const operation of OPERATIONS) {
    await sql.raw(`create trigger ${table}_${TRIGGER_SUFFIX}_${operation} after ${operation} on ${table}
      begin update content_version set version = version + 1 where id = 1; end`).execute(db);
  }
}

export async function readContentVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('content_version').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.version);
}
