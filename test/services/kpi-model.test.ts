import { describe, expect, it } from 'vitest';
import { expectedValueOn, trajectory } from '../../src/domain/kpi.ts';
import { measurableKpi } from '../../src/services/kpi-model.ts';
import type { KpiRecord } from '../../src/store/records.ts';

const complaints: KpiRecord = {
  id: 1,
  commitmentId: 1,
  position: 1,
  text: 'Complaints answered within 20 working days',
  unit: '%',
  baseline: 48,
  target: 90,
  targetDate: '2025-03-31',
  direction: 'higher',
};

describe('measurableKpi', () => {
  it('starts the trajectory at the baseline, on the plan period’s first day, not at the first reading', () => {
    const kpi = measurableKpi(complaints, '2024-04-01');
    const readings = [{ date: '2024-09-30', value: 61 }];
    expect(trajectory(kpi!, readings)?.start).toEqual({ date: '2024-04-01', value: 48 });
    // Half-way through the year the trajectory expects about half the improvement.
    expect(expectedValueOn(kpi!, '2024-09-30', readings)).toBeCloseTo(48 + (42 * 182) / 364, 5);
  });

  it('is null until baseline, target and target date are all set', () => {
    expect(measurableKpi({ ...complaints, baseline: null }, '2024-04-01')).toBeNull();
    expect(measurableKpi({ ...complaints, targetDate: null }, '2024-04-01')).toBeNull();
  });

  it('falls back to the first reading when the plan has no period', () => {
    expect(trajectory(measurableKpi(complaints, null)!, [{ date: '2024-06-30', value: 55 }])?.start.date).toBe('2024-06-30');
  });
});
