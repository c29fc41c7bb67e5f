// The databases a storage test runs on: a fresh, migrated SQLite file in a temp dir always, and PostgreSQL
// (a fresh schema t_<random>, dropped afterwards) when TEST_DATABASE_URL is set. PostgreSQL being unreachable
// then fails the tests: it never silently skips them.
//
//   describe('plans', () => {
//     forEachDatabase((name, getStore) => {
//       it('stores a plan', async () => { const { db } = getStore(); … });
//     });
//   });
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { openStore } from '../../src/store/database.ts';
import type { Dialect, Store } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';

export type DatabaseName = Dialect;

export interface ForEachOptions {
  /** 'test' (default): a fresh database for every test; 'file': one for all the tests of the block. */
  fresh?: 'test' | 'file';
}

/** The databases the storage tests run on here: SQLite, plus PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabaseNames(): DatabaseName[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A migrated SQLite database in a new temp dir; `close()` deletes the dir. */
export async function freshSqliteStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-test-'));
  const store = openStore(join(dir, 'tracker.sqlite'));
  return migrated(store, async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

/** The store, migrated, with `close` replaced by `cleanUp` (which also runs when migrating fails). */
async function migrated(store: Store, cleanUp: () => Promise<void>): Promise<Store> {
  try {
    await migrate(store);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return { ...store, close: cleanUp };
}

let announced = false;

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const where = new URL(url);
    throw new Error(
      `TEST_DATABASE_URL is set but PostgreSQL at ${where.host} could not be reached: ${(error as Error).message}`,
      { cause: error },
    );
  }
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A migrated PostgreSQL schema of its own (t_<random>) on `url`; `close()` drops the schema. */
export async function freshPostgresStore(url = process.env.TEST_DATABASE_URL): Promise<Store> {
  if (!url) throw new Error('freshPostgresStore needs TEST_DATABASE_URL (or a URL)');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create schema ${schema}`);
  if (!announced) {
    announced = true;
    console.log(`storage suite: running on postgres (schema ${schema})`);
  }
  const store = openStore(url, { pgSchema: schema, poolSize: 4 });
  return migrated(store, async () => {
    await store.close();
    await adminQuery(url, `drop schema if exists ${schema} cascade`);
  });
}

export function freshStore(name: DatabaseName): Promise<Store> {
  return name === 'postgres' ? freshPostgresStore() : freshSqliteStore();
}

/**
 * Declares `body` once per test database, each inside a `describe(name)`. `getStore()` gives the current
 * test's store (call it inside tests or hooks, not while declaring them).
 */
export function forEachDatabase(
  body: (name: DatabaseName, getStore: () => Store) => void,
  options: ForEachOptions = {},
): void {
  const perTest = (options.fresh ?? 'test') === 'test';
  for (const name of testDatabaseNames()) {
    describe(name, () => {
      let store: Store | undefined;
      const open = async (): Promise<void> => {
        store = await freshStore(name);
      };
      const close = async (): Promise<void> => {
        const closing = store;
        store = undefined;
        await closing?.close();
      };
      if (perTest) {
        beforeEach(open);
        afterEach(close);
      } else {
        beforeAll(open);
        afterAll(close);
      }
      body(name, () => {
        if (!store) throw new Error(`No ${name} store here: call getStore() inside a test or hook`);
        return store;
      });
    });
  }
}
