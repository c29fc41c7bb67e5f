// Row counts of every table in a store, to show a failed change left the database exactly as it was.
import { sql } from 'kysely';
import type { Store } from '../../src/store/database.ts';

export async function tableNames(store: Store): Promise<string[]> {
  const query =
    store.dialect === 'postgres'
      ? sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`
      : sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%' order by name`;
  return (await query.execute(store.db)).rows.map((r) => r.name);
}

/** `{ table: rows }` for every table (the migrations table included). */
export async function tableRowCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await tableNames(store)) {
    const { rows } = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(name)}`.execute(store.db);
    counts[name] = Number(rows[0]?.n ?? -1);
  }
  return counts;
}

/**
 * Tables that record attempts rather than plan data: the audit trail, upload and sign-in counters. A refused request
 * may add to them (that is how refusals are traced and limits kept) while storing nothing else.
 */
export const ATTEMPT_TABLES = ['audit_events', 'import_attempts', 'rate_limit_counters', 'sign_in_lockouts'] as const;

/** {@link tableRowCounts} without the {@link ATTEMPT_TABLES}: what a refused request must leave unchanged. */
export async function storedDataRowCounts(store: Store): Promise<Record<string, number>> {
  const counts = await tableRowCounts(store);
  for (const name of ATTEMPT_TABLES) delete counts[name];
  return counts;
}
