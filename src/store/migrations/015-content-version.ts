// The content version (store/content-version.ts): a one-row counter raised by triggers on every table whose
// writes change what a page shows. Tables added by later migrations call `versionTable` themselves; a test checks
// that every table is versioned or listed as unversioned.
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { UNVERSIONED_TABLES, createContentVersion, tableNames, versionTable } from '../content-version.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await createContentVersion(db, dialect);
  for (const table of await tableNames(db, dialect)) {
    if (!UNVERSIONED_TABLES.has(table)) await versionTable(db, dialect, table);
  }
}
