// No query per row: the roll-up and the exception report issue the same number of queries for a portfolio of
// 3 organisations as for one of 30 (each with 12 commitments, 180 milestones, 5 KPIs, 12 quarters of updates).
// The queries are counted by a Kysely plugin on the services' database.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { createServices } from '../../src/services/index.ts';
import { loadUser } from '../../src/services/accounts.ts';
import { NO_FILTERS } from '../../src/services/portfolio-service.ts';
import { freshStore, testDatabaseNames, type DatabaseName } from '../support/databases.ts';
import { countingQueries } from '../support/query-count.ts';

const TODAY = '2026-12-01';

async function queriesAt(database: DatabaseName, organisations: number): Promise<{ rollUp: number; exceptions: number; rows: number; cells: number }> {
  const store = await freshStore(database);
  try {
    const config = loadConfig({ DEMO: 'false' });
    const plain = createServices(store, { config, clock: fixedClock(TODAY) });
    const generated = await plain.syntheticData.generate({ organisations, seed: 5 });
    const email = generated.accounts[0]?.email ?? '';
    const row = await store.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    const user = await loadUser(store.db, row.id);
    if (!user) throw new Error('the national reviewer was not stored');

    const queries = countingQueries(store);
    const counted = createServices(queries.store, { config, clock: fixedClock(TODAY) });

    const rollUp = await counted.portfolio.rollUp(user, { filters: NO_FILTERS });
    const afterRollUp = queries.count();
    const exceptions = await counted.portfolio.exceptions(user);
    expect(exceptions.slipped.length).toBeGreaterThan(0);
    return { rollUp: afterRollUp, exceptions: queries.count() - afterRollUp, rows: rollUp.rows.length, cells: rollUp.rows.reduce((n, r) => n + r.cells.length, 0) };
  } finally {
    await store.close();
  }
}

describe.each(testDatabaseNames())('portfolio queries on %s', (database) => {
  it('do not grow with the number of organisations or commitments', async () => {
    const small = await queriesAt(database, 3);
    const large = await queriesAt(database, 30);
    expect(small.rows).toBe(3);
    expect(large.rows).toBe(30);
    expect(large.cells).toBe(360);
    expect(small.rollUp).toBeGreaterThan(0);
    expect(large.rollUp).toBe(small.rollUp);
    expect(large.exceptions).toBe(small.exceptions);
    // A handful: plans, periods, commitments, updates, overdue counts (and milestones, KPIs, readings).
    expect(large.rollUp).toBe(5);
    expect(large.exceptions).toBe(8);
  }, 60_000);
});
