import { describe, expect, it } from 'vitest';
import {
  addKpiReading,
  createKpi,
  deleteKpi,
  deleteKpiReading,
  getKpi,
  listKpiReadings,
  listKpis,
  updateKpi,
} from '../../src/store/kpis-repository.ts';
import { forEachDatabase } from '../support/databases.ts';
import { nth, seedPlan } from '../support/fixtures.ts';
import { tableRowCounts } from '../support/row-counts.ts';

describe('KPIs repository', () => {
  forEachDatabase((_name, getStore) => {
    it('creates a KPI with its measures, at the end of the list', async () => {
      const { db } = getStore();
      const commitment = nth((await seedPlan(db)).commitments, 2);
      const kpi = await createKpi(db, commitment.id, {
        text: 'Unemployment rate',
        unit: '%',
        baseline: 4.25,
        target: 3.5,
        targetDate: '2020-03-31',
        direction: 'lower',
      });
      expect(kpi).toMatchObject({ commitmentId: commitment.id, position: 2, unit: '%', baseline: 4.25, target: 3.5, direction: 'lower' });
      expect(await getKpi(db, kpi.id)).toEqual(kpi);
      const plain = await createKpi(db, commitment.id, { text: 'Jobs created' });
      expect(plain).toMatchObject({ unit: null, baseline: null, target: null, targetDate: null, direction: 'higher' });
      expect((await listKpis(db, commitment.id)).map((k) => k.text)).toEqual([
        'KPI: GVA growth above the national average',
        'KPI: 500 apprenticeships a year',
        'Unemployment rate',
        'Jobs created',
      ]);
    });

    it('updates a KPI', async () => {
      const { db } = getStore();
      const kpi = nth(nth((await seedPlan(db)).commitments, 0).kpis, 0);
      const updated = await updateKpi(db, kpi.id, { text: 'Women on the Board', unit: '%', baseline: 20, target: 33, targetDate: '2020-03-31' });
      expect(updated).toMatchObject({ id: kpi.id, text: 'Women on the Board', unit: '%', baseline: 20, target: 33, targetDate: '2020-03-31' });
      expect(await updateKpi(db, kpi.id, { direction: 'lower', target: null })).toMatchObject({ direction: 'lower', target: null, baseline: 20 });
      expect(await updateKpi(db, kpi.id, {})).toEqual(await getKpi(db, kpi.id));
      expect(await updateKpi(db, 9999, { text: 'x' })).toBeUndefined();
    });

    it('records readings and lists them by date', async () => {
      const { db } = getStore();
      const kpi = nth(nth((await seedPlan(db)).commitments, 0).kpis, 0);
      const june = await addKpiReading(db, kpi.id, { date: '2019-06-30', value: 25.5, note: 'Two appointments', source: 'Board papers' });
      const march = await addKpiReading(db, kpi.id, { date: '2019-03-31', value: 20 });
      expect(june).toMatchObject({ kpiId: kpi.id, date: '2019-06-30', value: 25.5, note: 'Two appointments', source: 'Board papers' });
      expect(march).toMatchObject({ note: null, source: null });
      expect(await listKpiReadings(db, kpi.id)).toEqual([march, june]);
      await expect(addKpiReading(db, kpi.id, { date: '2019-07-01', value: Number.NaN })).rejects.toThrow(/must be a number/);
      expect(await deleteKpiReading(db, march.id)).toBe(true);
      expect(await listKpiReadings(db, kpi.id)).toEqual([june]);
    });

    it('deletes a KPI with its readings', async () => {
      const store = getStore();
      const kpi = nth(nth((await seedPlan(store.db)).commitments, 0).kpis, 0);
      const before = await tableRowCounts(store);
      await addKpiReading(store.db, kpi.id, { date: '2019-06-30', value: 1 });
      expect(await deleteKpi(store.db, kpi.id)).toBe(true);
      expect(await deleteKpi(store.db, kpi.id)).toBe(false);
      expect(await tableRowCounts(store)).toEqual({ ...before, kpis: before.kpis! - 1 });
    });
  });
});
