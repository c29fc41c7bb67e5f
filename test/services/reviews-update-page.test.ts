// The reviewer's update page as a read model (issue 14, item 1): what it holds for the period, and that it is
// read in a fixed number of queries however many milestones, KPIs and readings the commitment has.
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { createServices } from '../../src/services/index.ts';
import { addEvidence, addMilestone, recordKpiReading } from '../../src/services/plans.ts';
import type { Store } from '../../src/store/database.ts';
import { listKpis } from '../../src/store/kpis-repository.ts';
import { freshSqliteStore } from '../support/databases.ts';
import { countingQueries } from '../support/query-count.ts';
import { reviewedDemo, userByEmail } from './reviewed-demo.ts';

let store: Store;
afterEach(async () => store?.close());

describe('the update page read model', () => {
  it('holds the period’s evidence and the previous update, in the same number of queries for 7 or 47 milestones', async () => {
    store = await freshSqliteStore();
    const ids = await reviewedDemo(store);
    const reviewer = await userByEmail(store, 'reviewer@demo.example');
    const queries = countingQueries(store);
    const config = loadConfig({});
    const services = createServices(queries.store, { config, clock: fixedClock('2024-10-20') });
    const read = async () => {
      queries.reset();
      const data = await services.reviews.updateForm(reviewer, ids.q2, ids.c1);
      return { data, queries: queries.count() };
    };

    const small = await read();
    expect(small.data.judging.previous?.period.label).toBe('2024/25 Q1');
    expect(small.data.judging.previous?.update?.narrative).toContain('SIGNEDQONECORRECTED');
    expect(small.data.judging.milestones.length).toBeGreaterThan(0);

    for (let i = 0; i < 40; i++) {
      const m = await addMilestone(store.db, ids.c1, { text: `Extra milestone ${i}`, due: { from: '2024-08-01', to: '2024-08-31' } }, null);
      await addEvidence(store.db, { milestoneId: m.id, date: '2024-08-15', note: `Evidence ${i}` }, null);
    }
    const [kpi] = await listKpis(store.db, ids.c1);
    for (const date of ['2024-07-31', '2024-08-31', '2024-09-30', '2024-10-31']) await recordKpiReading(store.db, kpi!.id, { date, value: 90 }, null);

    const large = await read();
    expect(large.data.judging.milestones.length).toBe(small.data.judging.milestones.length + 40);
    expect(large.data.judging.milestones.find((m) => m.record.text === 'Extra milestone 7')?.evidenceInPeriod.map((e) => e.note)).toEqual(['Evidence 7']);
    // Readings up to the end of Q2 only.
    expect(large.data.judging.kpis[0]!.readings.map((r) => r.date)).toEqual(['2024-07-31', '2024-08-31', '2024-09-30']);
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeLessThanOrEqual(12);
  });
});
