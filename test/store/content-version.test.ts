// The content version (store/content-version.ts): every table is either versioned (a write to it raises the
// version, in the same transaction) or listed as unversioned, on SQLite and PostgreSQL alike. A migration that adds
// a table and forgets `versionTable` fails here.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { UNVERSIONED_TABLES, readContentVersion, tableNames, versionedTables } from '../../src/store/content-version.ts';
import { forEachDatabase } from '../support/databases.ts';

forEachDatabase((name, getStore) => {
  it('versions every table that is not listed as unversioned', async () => {
    const { db } = getStore();
    const tables = await tableNames(db, name);
    expect(tables).toContain('milestones');
    expect(await versionedTables(db, name)).toEqual(tables.filter((t) => !UNVERSIONED_TABLES.has(t)));
  });

  it('raises the version on insert, update and delete, and not for a session', async () => {
    const { db } = getStore();
    const start = await readContentVersion(db);
    const created = new Date().toISOString();
    await sql`insert into organisations (name, created_at) values ('Versioned Council', ${created})`.execute(db);
    const afterInsert = await readContentVersion(db);
    expect(afterInsert).toBeGreaterThan(start);
    await sql`update organisations set name = 'Renamed Council' where name = 'Versioned Council'`.execute(db);
    const afterUpdate = await readContentVersion(db);
    expect(afterUpdate).toBeGreaterThan(afterInsert);
    await sql`delete from organisations where name = 'Renamed Council'`.execute(db);
    const afterDelete = await readContentVersion(db);
    expect(afterDelete).toBeGreaterThan(afterUpdate);

    // A failed transaction raises nothing: the version moves with the data or not at all.
    await expect(db.transaction().execute(async (trx) => {
      await sql`insert into organisations (name, created_at) values ('Never Council', ${created})`.execute(trx);
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await readContentVersion(db)).toBe(afterDelete);

    await sql`update sessions set expires_at = ${created}`.execute(db);
    expect(await readContentVersion(db)).toBe(afterDelete);
  });
});
