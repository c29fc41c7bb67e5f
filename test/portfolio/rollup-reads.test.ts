// What the roll-up and the exception report read from the database, at the edges of what they ask it for: the
// highest visible version of an update (a later draft is never a rating), and a KPI judged on its first and latest
// reading as at today (later readings ignored; of two readings on one date, the one stored last is the latest;
// without a plan start, the line starts at the first reading).
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { createServices } from '../../src/services/index.ts';
import { loadUser } from '../../src/services/accounts.ts';
import { NO_FILTERS } from '../../src/services/portfolio-service.ts';
import { freshStore, testDatabaseNames } from '../support/databases.ts';
import { Q2, TODAY, seedPortfolio } from './seed.ts';

const AT = '2026-10-20T10:00:00.000Z';

describe.each(testDatabaseNames())('portfolio reads on %s', (database) => {
  it('stands a commitment at its highest visible version and judges KPIs on their first and latest readings', async () => {
    const store = await freshStore(database);
    try {
      const { db } = store;
      const seeded = await seedPortfolio(db);
      const [w1, w2] = seeded.whitcombe.commitments;
      const q2 = await db
        .selectFrom('review_periods')
        .select('id')
        .where('plan_id', '=', seeded.whitcombe.planId)
        .where('label', '=', Q2.label)
        .executeTakeFirstOrThrow();
      const version = (commitmentId: number, v: number, rag: string, state: string) => ({
        commitment_id: commitmentId, review_period_id: q2.id, version: v, rag, narrative: `v${v}`, kpi_refs: '[]', response: null,
        state, correction_reason: null, created_by: null, created_at: AT, updated_at: AT, signed_off_at: state === 'signed-off' ? AT : null,
      });
      // Commitment 2 in Q2: submitted green (seeded, version 1), then signed off amber, then a draft red.
      await db.insertInto('progress_updates').values([version(w2!, 2, 'amber', 'signed-off'), version(w2!, 3, 'red', 'draft')]).execute();

      // The seeded KPI (line from the plan's start): two readings on 30 November, stored 20 then 30, and one after today.
      const seededKpi = await db.selectFrom('kpis').select('id').where('commitment_id', '=', w1!).executeTakeFirstOrThrow();
      await db
        .insertInto('kpi_readings')
        .values([
          { kpi_id: seededKpi.id, date: '2026-11-30', value: 20, note: null, source: null },
          { kpi_id: seededKpi.id, date: '2026-11-30', value: 30, note: null, source: null },
          { kpi_id: seededKpi.id, date: '2026-12-15', value: 99, note: null, source: null },
        ])
        .execute();
      // Brackmere's plan has no start: its KPI's line starts at its first reading (1 May 2026, 50).
      await db.updateTable('plans').set({ period_from: null }).where('id', '=', seeded.brackmere.planId).execute();
      const b1 = await db.selectFrom('commitments').select('id').where('plan_id', '=', seeded.brackmere.planId).where('number', '=', 1).executeTakeFirstOrThrow();
      const { id: kpiId } = await db
        .insertInto('kpis')
        .values({ commitment_id: b1.id, position: 1, text: 'Homes built', unit: null, baseline: 50, target: 100, target_date: '2027-05-01', direction: 'higher' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('kpi_readings')
        .values([
          { kpi_id: kpiId, date: '2026-11-01', value: 52, note: null, source: null },
          { kpi_id: kpiId, date: '2026-05-01', value: 50, note: null, source: null },
        ])
        .execute();

      const row = await db.selectFrom('users').select('id').where('email', '=', seeded.reviewerEmail).executeTakeFirstOrThrow();
      const user = await loadUser(db, row.id);
      if (!user) throw new Error('the reviewer was not stored');
      const services = createServices(store, { config: loadConfig({ DEMO: 'false' }), clock: fixedClock(TODAY) });

      const rollUp = await services.portfolio.rollUp(user, { filters: NO_FILTERS });
      const whitcombe = rollUp.rows.find((r) => r.plan?.id === seeded.whitcombe.planId);
      expect(whitcombe?.cells.map((c) => [c.number, c.rating, c.previous, c.change])).toEqual([
        [1, { rag: 'red', signedOff: true }, 'green', 'worse'],
        [2, { rag: 'amber', signedOff: true }, 'amber', 'same'],
        [3, null, 'red', 'none'],
      ]);
      expect(whitcombe?.outstanding).toBe(1);

      const exceptions = await services.portfolio.exceptions(user);
      expect(exceptions.offTrack.map((k) => [k.commitmentTitle, k.reason])).toEqual([
        ['Better housing', 'Latest 52 on 1 Nov 2026 is 23.21 below the trajectory (75.21 expected); target 100 by 1 May 2027'],
        ['Strong and diverse leadership', 'Latest 30 on 30 Nov 2026 is 36.76 below the trajectory (66.76 expected); target 100 by 31 Mar 2027'],
      ]);
    } finally {
      await store.close();
    }
  }, 60_000);
});
