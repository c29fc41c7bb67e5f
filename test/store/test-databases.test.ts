// The test-database helper itself: what other suites rely on.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { freshPostgresStore, freshSqliteStore, testDatabaseNames } from '../support/databases.ts';
import { openStore } from '../../src/store/database.ts';

describe('test databases', () => {
  it('always include SQLite, and PostgreSQL exactly when TEST_DATABASE_URL is set', () => {
    expect(testDatabaseNames()[0]).toBe('sqlite');
    expect(testDatabaseNames().includes('postgres')).toBe(Boolean(process.env.TEST_DATABASE_URL));
  });

  it('give each SQLite store its own empty database', async () => {
    const a = await freshSqliteStore();
    const b = await freshSqliteStore();
    try {
      await a.db.insertInto('organisations').values({ name: 'Only in A', created_at: '2019-04-01T00:00:00Z' }).execute();
      expect(await b.db.selectFrom('organisations').selectAll().execute()).toEqual([]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('fail, not skip, when PostgreSQL cannot be reached', async () => {
    await expect(freshPostgresStore('postgres://postgres@127.0.0.1:1/test')).rejects.toThrow(/could not be reached/);
  });

  it('refuse a PostgreSQL schema name that is not a plain identifier', () => {
    expect(() => openStore('postgres://postgres@127.0.0.1:5432/test', { pgSchema: 'x; drop table users' })).toThrow(/schema name/);
  });

  // Declared only where PostgreSQL is configured, like every PostgreSQL test (forEachDatabase does the same).
  if (process.env.TEST_DATABASE_URL) {
    it('give each PostgreSQL store its own schema, dropped on close', async () => {
      const a = await freshPostgresStore();
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(a.db)).rows[0]?.s;
      expect(schema).toMatch(/^t_[0-9a-f]{12}$/);
      await a.close();
      const b = await freshPostgresStore();
      try {
        const left = await sql<{ n: string }>`select count(*) as n from information_schema.schemata where schema_name = ${schema}`.execute(b.db);
        expect(Number(left.rows[0]?.n)).toBe(0);
      } finally {
        await b.close();
      }
    });
  }
});
