import { describe, expect, it } from 'vitest';
import { periodContaining, reviewPeriods } from '../../src/domain/periods.ts';

const fy2019 = { from: '2019-04-01', to: '2020-03-31' };

describe('reviewPeriods', () => {
  it('quarters of an April-start financial year, due 14 days after each ends', () => {
    expect(reviewPeriods(fy2019, 'quarterly')).toEqual([
      { label: '2019/20 Q1', from: '2019-04-01', to: '2019-06-30', due: '2019-07-14' },
      { label: '2019/20 Q2', from: '2019-07-01', to: '2019-09-30', due: '2019-10-14' },
      { label: '2019/20 Q3', from: '2019-10-01', to: '2019-12-31', due: '2020-01-14' },
      { label: '2019/20 Q4', from: '2020-01-01', to: '2020-03-31', due: '2020-04-14' },
    ]);
  });

  it('quarters of a January-start (calendar) financial year', () => {
    const periods = reviewPeriods({ from: '2020-01-01', to: '2020-12-31' }, 'quarterly', 1, 30);
    expect(periods.map((p) => p.label)).toEqual(['2020 Q1', '2020 Q2', '2020 Q3', '2020 Q4']);
    expect(periods[0]).toEqual({ label: '2020 Q1', from: '2020-01-01', to: '2020-03-31', due: '2020-04-30' });
  });

  it('months, with February in a leap year ending on the 29th', () => {
    const months = reviewPeriods(fy2019, 'monthly');
    expect(months).toHaveLength(12);
    expect(months[0]?.label).toBe('2019/20 M1 (April 2019)');
    expect(months[10]).toEqual({ label: '2019/20 M11 (February 2020)', from: '2020-02-01', to: '2020-02-29', due: '2020-03-14' });
    expect(reviewPeriods({ from: '2021-04-01', to: '2022-03-31' }, 'monthly')[10]?.to).toBe('2022-02-28');
  });

  it('halves, across several financial years, from a plan that does not start on a boundary', () => {
    expect(reviewPeriods({ from: '2019-06-15', to: '2021-01-31' }, 'six-monthly').map((p) => [p.label, p.from, p.to])).toEqual([
      ['2019/20 H1', '2019-04-01', '2019-09-30'],
      ['2019/20 H2', '2019-10-01', '2020-03-31'],
      ['2020/21 H1', '2020-04-01', '2020-09-30'],
      ['2020/21 H2', '2020-10-01', '2021-03-31'],
    ]);
  });

  it('periods tile the plan without gaps', () => {
    const periods = reviewPeriods({ from: '2018-05-10', to: '2023-02-01' }, 'quarterly');
    expect(periods[0]?.from).toBe('2018-04-01');
    expect(periods.at(-1)?.to).toBe('2023-03-31');
    for (let i = 1; i < periods.length; i++) {
      const prevEnd = new Date(`${periods[i - 1]!.to}T00:00:00Z`);
      prevEnd.setUTCDate(prevEnd.getUTCDate() + 1);
      expect(periods[i]!.from).toBe(prevEnd.toISOString().slice(0, 10));
    }
  });

  it('an empty list for a reversed period', () => {
    expect(reviewPeriods({ from: '2020-01-01', to: '2019-01-01' }, 'quarterly')).toEqual([]);
  });
});

describe('periodContaining', () => {
  it.each([
    ['2019-04-01', 'quarterly', 4, '2019/20 Q1'],
    ['2020-03-31', 'quarterly', 4, '2019/20 Q4'],
    ['2020-03-31', 'quarterly', 1, '2020 Q1'],
    ['2020-02-29', 'monthly', 4, '2019/20 M11 (February 2020)'],
    ['2019-10-01', 'six-monthly', 4, '2019/20 H2'],
    ['2019-09-30', 'six-monthly', 4, '2019/20 H1'],
  ] as const)('%s %s (FY starts in month %i) → %s', (date, cadence, fyStart, label) => {
    const p = periodContaining(date, cadence, fyStart);
    expect(p.label).toBe(label);
    expect(p.from <= date && date <= p.to).toBe(true);
  });

  it('2019/20 Q4 ends 2020-03-31 and Jan-start 2020 Q1 ends 2020-03-31', () => {
    expect(periodContaining('2020-02-10', 'quarterly').to).toBe('2020-03-31');
    expect(periodContaining('2020-02-10', 'quarterly', 1).to).toBe('2020-03-31');
  });
});
