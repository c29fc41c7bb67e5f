// The living demo and the exports through the services' doors, on an injected clock: the demo is tracked up to
// the clock's day, and a file made while the plan runs is as at that day, with no date handed in by the caller.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import type { Store } from '../../src/store/database.ts';
import { getPlanRecord } from '../../src/store/plans-repository.ts';
import { freshSqliteStore } from '../support/databases.ts';

const TODAY = '2026-12-01';

describe('services.demo and services.exports on the one clock', () => {
  let store: Store;
  let dataDir: string;
  let services: Services;
  let planId: number;

  beforeAll(async () => {
    store = await freshSqliteStore();
    dataDir = await mkdtemp(join(tmpdir(), 'tracker-demo-service-'));
    services = createServices(store, { config: loadConfig({ DEMO: 'true', DATA_DIR: dataDir }), clock: fixedClock(TODAY) });
    const result = await services.demo.ensure();
    if (result.planId === null) throw new Error(`the demo plan was not created: ${result.notes.join('; ')}`);
    planId = result.planId;
  }, 120_000);
  afterAll(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('makes the living demo in the financial year of the clock’s day, tracked up to that day', async () => {
    const plan = await getPlanRecord(store.db, planId);
    expect(plan?.period).toEqual({ from: '2026-04-01', to: '2027-03-31' });
    const choices = await services.exports.choices(plan!);
    expect(choices.today).toBe(TODAY);
    expect(choices.asAt).toEqual({ date: TODAY, reason: 'today' });
    const signedOff = choices.periods.filter((p) => p.signedOff);
    expect(signedOff.length).toBeGreaterThan(0);
    expect(signedOff.every((p) => p.to < TODAY)).toBe(true);
    expect(choices.periods.some((p) => p.from <= TODAY && p.to >= TODAY && !p.signedOff)).toBe(true);
  });

  it('adds nothing a second time, and says why', async () => {
    const again = await services.demo.ensure();
    expect(again.created).toBe(false);
    expect(again.notes).toEqual(['Demo data not added: the database already holds organisations']);
  });

  it('exports the running plan as at the clock’s day unless another date is chosen', async () => {
    const json = await services.exports.fileForCommandLine(planId, { format: 'json' });
    expect(json.asAt).toEqual({ date: TODAY, reason: 'today' });
    expect((JSON.parse(json.bytes.toString('utf8')) as { asAt: string }).asAt).toBe(TODAY);
    expect(json.fileName).toMatch(/^kestrel-vale-council-.*2026-27\.json$/);

    const chosen = await services.exports.fileForCommandLine(planId, { format: 'json', asAt: '2026-09-30' });
    expect(chosen.asAt).toEqual({ date: '2026-09-30', reason: 'chosen' });
  });

  it('refuses a plan that does not exist with a message for the user', async () => {
    await expect(services.exports.fileForCommandLine(planId + 1000, { format: 'docx' })).rejects.toThrow(`There is no plan ${planId + 1000}`);
  });
});
