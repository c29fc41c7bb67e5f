import { describe, expect, it } from 'vitest';
import { expectedValueOn, kpiStatus, trajectory, trend, type Kpi } from '../../src/domain/kpi.ts';

// Board diversity: 20% on 1 Apr 2019 → 40% by 31 Mar 2020 (365 days: 1 Apr 2019 + 365 = 31 Mar 2020).
const diversity: Kpi = { name: 'Board diversity', unit: '%', baseline: 20, baselineDate: '2019-04-01', target: 40, targetDate: '2020-03-31', direction: 'higher' };
// Vacancies: 12 → 2 (lower is better), no baseline date recorded.
const vacancies: Kpi = { name: 'Vacant board seats', baseline: 12, target: 2, targetDate: '2020-03-31', direction: 'lower' };

describe('trajectory and expectedValueOn', () => {
  it('runs in a straight line from baseline to target', () => {
    expect(trajectory(diversity)).toEqual({ start: { date: '2019-04-01', value: 20 }, end: { date: '2020-03-31', value: 40 } });
    expect(expectedValueOn(diversity, '2019-04-01')).toBe(20);
    expect(expectedValueOn(diversity, '2020-03-31')).toBe(40);
    // 1 Oct 2019 is 183 of 365 days along.
    expect(expectedValueOn(diversity, '2019-10-01')).toBeCloseTo(20 + (20 * 183) / 365, 10);
    expect(expectedValueOn(diversity, '2019-06-30')).toBeCloseTo(20 + (20 * 90) / 365, 10);
  });

  it('holds the baseline before the start and the target after the target date', () => {
    expect(expectedValueOn(diversity, '2019-01-01')).toBe(20);
    expect(expectedValueOn(diversity, '2021-01-01')).toBe(40);
  });

  it('starts at the first reading when no baseline date is recorded', () => {
    const readings = [
      { date: '2019-10-01', value: 8 },
      { date: '2019-09-30', value: 12 }, // the first by date, though listed second
    ];
    expect(trajectory(vacancies, readings)?.start).toEqual({ date: '2019-09-30', value: 12 });
    // 30 Sep 2019 → 31 Mar 2020 is 183 days; 1 Jan 2020 is 93 days along, falling from 12 to 2.
    expect(expectedValueOn(vacancies, '2020-01-01', readings)).toBeCloseTo(12 - (10 * 93) / 183, 10);
  });

  it('has no trajectory without a baseline date or readings', () => {
    expect(trajectory(vacancies)).toBeNull();
    expect(expectedValueOn(vacancies, '2019-12-01')).toBeNull();
  });
});

describe('kpiStatus', () => {
  const today = '2019-07-15';

  it('is no-data without readings, or with only readings after today', () => {
    expect(kpiStatus(diversity, [], today)).toEqual({ state: 'no-data', reason: 'No readings yet' });
    expect(kpiStatus(diversity, [{ date: '2019-08-01', value: 30 }], today).state).toBe('no-data');
  });

  it('is on track when the latest reading is on or above the trajectory', () => {
    const s = kpiStatus(diversity, [{ date: '2019-04-30', value: 19 }, { date: '2019-06-30', value: 26 }], today);
    expect(s.state).toBe('on-track');
    expect(s.latest).toEqual({ date: '2019-06-30', value: 26 });
    expect(s.expected).toBeCloseTo(24.93, 2);
    expect(s.gap).toBeLessThan(0);
    expect(s.reason).toBe('Latest 26 on 30 Jun 2019 is on trajectory (24.93 expected); target 40 by 31 Mar 2020');
  });

  it('allows a lag within 5% of the whole improvement (1 point here)', () => {
    // Expected 24.93 on 30 Jun; 24 lags by 0.93 (< 1): on track. 23.5 lags by 1.43 (> 1): off track.
    expect(kpiStatus(diversity, [{ date: '2019-06-30', value: 24 }], today).state).toBe('on-track');
    const off = kpiStatus(diversity, [{ date: '2019-06-30', value: 23.5 }], today);
    expect(off.state).toBe('off-track');
    expect(off.gap).toBeCloseTo(1.43, 2);
    expect(off.gapShare).toBeCloseTo(0.0716, 3);
    expect(off.reason).toBe('Latest 23.5 on 30 Jun 2019 is 1.43 below the trajectory (24.93 expected); target 40 by 31 Mar 2020');
    expect(kpiStatus(diversity, [{ date: '2019-06-30', value: 24 }], today, { tolerance: 0.01 }).state).toBe('off-track');
  });

  it('judges the latest reading on or before today, not a later one', () => {
    const readings = [{ date: '2019-06-30', value: 21 }, { date: '2019-09-30', value: 40 }];
    expect(kpiStatus(diversity, readings, today).state).toBe('off-track');
    expect(kpiStatus(diversity, readings, '2019-10-01').state).toBe('achieved');
  });

  it('is achieved once the target is met, even early', () => {
    const s = kpiStatus(diversity, [{ date: '2019-06-30', value: 41 }], today);
    expect(s.state).toBe('achieved');
    expect(s.reason).toBe('Latest 41 on 30 Jun 2019 meets the target 40 by 31 Mar 2020');
  });

  it('is off track when the target date passes without the target met, however close', () => {
    const s = kpiStatus(diversity, [{ date: '2020-03-31', value: 39.5 }], '2020-04-10');
    expect(s.state).toBe('off-track');
    expect(s.missedTarget).toBe(true);
    expect(s.reason).toBe('Missed the target 40 by 31 Mar 2020: latest 39.5 on 31 Mar 2020');
  });

  describe("when lower is better", () => {
    const readings = (latest: number) => [{ date: '2019-09-30', value: 12 }, { date: '2020-01-01', value: latest }];
    // Expected on 1 Jan 2020: 12 − 10 × 93/183 ≈ 6.92; tolerance 0.5.
    it('is on track at or below the trajectory', () => {
      expect(kpiStatus(vacancies, readings(6), '2020-01-02').state).toBe('on-track');
      expect(kpiStatus(vacancies, readings(7.3), '2020-01-02').state).toBe('on-track');
    });
    it('is off track above it, with a positive gap', () => {
      const s = kpiStatus(vacancies, readings(8), '2020-01-02');
      expect(s.state).toBe('off-track');
      expect(s.gap).toBeCloseTo(8 - (12 - (10 * 93) / 183), 10);
      expect(s.reason).toContain('above the trajectory');
    });
    it('is achieved at or under the target', () => {
      expect(kpiStatus(vacancies, readings(2), '2020-01-02').state).toBe('achieved');
      expect(kpiStatus(vacancies, readings(2.1), '2020-01-02').state).toBe('on-track');
    });
  });
});

describe('trend', () => {
  it('compares the two latest readings by date', () => {
    const r = [{ date: '2019-06-30', value: 30 }, { date: '2019-04-30', value: 20 }, { date: '2019-05-31', value: 25 }];
    expect(trend(r, 'higher')).toBe('improving');
    expect(trend(r, 'lower')).toBe('worsening');
  });
  it('is flat when the latest two are equal', () => {
    expect(trend([{ date: '2019-04-30', value: 5 }, { date: '2019-05-31', value: 5 }], 'higher')).toBe('flat');
  });
  it('is unknown with fewer than two readings', () => {
    expect(trend([], 'higher')).toBe('unknown');
    expect(trend([{ date: '2019-04-30', value: 5 }], 'lower')).toBe('unknown');
  });
  it('falling values are improving when lower is better', () => {
    expect(trend([{ date: '2019-04-30', value: 9 }, { date: '2019-05-31', value: 7 }], 'lower')).toBe('improving');
    expect(trend([{ date: '2019-04-30', value: 9 }, { date: '2019-05-31', value: 7 }], 'higher')).toBe('worsening');
  });
});
