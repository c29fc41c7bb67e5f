// The portfolio of a national reviewer over generated data: 60 organisations, a grid in pages of 50 whose links
// keep the filters and sort, and a CSV with every row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { createServices } from '../../src/services/index.ts';
import type { GeneratedAccount } from '../../src/services/synthetic-data-service.ts';
import type { Store } from '../../src/store/database.ts';
import { appOver } from '../support/app.ts';
import { freshSqliteStore } from '../support/databases.ts';
import { client } from '../web/support.ts';

const TODAY = '2026-12-01';
let store: Store;
let app: FastifyInstance;
let national: GeneratedAccount;

beforeAll(async () => {
  store = await freshSqliteStore();
  const config = loadConfig({ DEMO: 'false' });
  const generated = await createServices(store, { config, clock: fixedClock(TODAY) }).syntheticData.generate({ organisations: 60, seed: 3 });
  national = generated.accounts[0]!;
  app = await appOver(store, config, { clock: fixedClock(TODAY) });
}, 60_000);

afterAll(async () => {
  await app.close();
  await store.close();
});

const planLinks = (html: string) => [...html.matchAll(/<th scope="row" class="govuk-table__header">\s*<a class="govuk-link" href="\/plans\/(\d+)">/g)].map((m) => m[1]);

describe('a national portfolio', () => {
  it('shows the grid in pages of 50, the links keeping the sort', async () => {
    const browser = client(app);
    await browser.signIn(national.email, national.password);
    const first = await browser.get('/portfolio?sort=reds');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('You cover 60 organisations');
    expect(first.body).toContain('Plans 1 to 50 of 60');
    expect(planLinks(first.body)).toHaveLength(50);
    expect(first.body).toContain('href="/portfolio?sort=reds&amp;page=2"');
    // The latest ended quarter: most ratings submitted and awaiting sign-off.
    expect(first.body).toContain('<option value="2026/27 Q2" selected>');
    expect(first.body).toContain('not yet signed off');

    const second = await browser.get('/portfolio?sort=reds&page=2');
    expect(second.body).toContain('Plans 51 to 60 of 60');
    expect(planLinks(second.body)).toHaveLength(10);
    expect(new Set([...planLinks(first.body), ...planLinks(second.body)]).size).toBe(60);
    expect(second.body).toContain('<title>Portfolio (page 2 of 2)');

    // The CSV is the whole grid, not a page of it.
    expect(first.body).toContain('href="/portfolio.csv?sort=reds"');
    const csv = await browser.get('/portfolio.csv?sort=reds&page=2');
    expect(csv.body.trim().split('\r\n')).toHaveLength(61);
  });
});
