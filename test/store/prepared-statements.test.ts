// On PostgreSQL the query every signed-in request makes (the session and the content version) runs as a prepared
// statement: parsed and planned once per connection, not on every request (store/database.ts).
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { findSessionAtVersion } from '../../src/store/sessions-repository.ts';

const url = process.env.TEST_DATABASE_URL;

describe.runIf(url)('prepared statements on PostgreSQL', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let store: Store;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };

  beforeAll(async () => {
    await admin(`create schema ${schema}`);
    // One connection, so that every query below runs on it.
    store = openStore(url ?? '', { pgSchema: schema, poolSize: 1 });
    await migrate(store);
  });
  afterAll(async () => {
    await store?.close();
    await admin(`drop schema if exists ${schema} cascade`);
  });

  it('prepares the session query once on a connection and reuses it', async () => {
    const prepared = async () =>
      (await sql<{ name: string }>`select name from pg_prepared_statements where statement like '%content_version%'`.execute(store.db)).rows;
    expect(await prepared()).toEqual([]);
    for (let i = 0; i < 3; i += 1) expect(await findSessionAtVersion(store.db, `no-such-session-${i}`)).toBeUndefined();
    expect(await prepared()).toEqual([{ name: expect.stringMatching(/^tracker_[0-9a-f]{16}$/) }]);
  });
});

if (process.env.CI === 'true' && !url) {
  it('runs on PostgreSQL in CI', () => {
    throw new Error('CI=true but TEST_DATABASE_URL is not set');
  });
}
