import { describe, expect, it } from 'vitest';
import { occurrences } from '../../src/domain/recurrence.ts';

const fy2019 = { from: '2019-04-01', to: '2020-03-31' };

describe('occurrences', () => {
  it('quarterly in the 2019/20 plan: the four financial quarters, due at their ends', () => {
    expect(occurrences('quarterly', fy2019)).toEqual([
      { from: '2019-04-01', to: '2019-06-30' },
      { from: '2019-07-01', to: '2019-09-30' },
      { from: '2019-10-01', to: '2019-12-31' },
      { from: '2020-01-01', to: '2020-03-31' },
    ]);
  });

  it('monthly: each month end, with February 2020 a leap month', () => {
    const months = occurrences('monthly', fy2019);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ from: '2019-04-01', to: '2019-04-30' });
    expect(months[10]).toEqual({ from: '2020-02-01', to: '2020-02-29' });
    expect(months.map((m) => m.to).at(-1)).toBe('2020-03-31');
  });

  it('six-monthly: 30 September and 31 March', () => {
    expect(occurrences('six-monthly', fy2019)).toEqual([
      { from: '2019-04-01', to: '2019-09-30' },
      { from: '2019-10-01', to: '2020-03-31' },
    ]);
  });

  it("annually: the window's end", () => {
    expect(occurrences('annually', fy2019)).toEqual([fy2019]);
    expect(occurrences('annually', { from: '2019-06-10', to: '2020-05-20' })).toEqual([{ from: '2019-06-10', to: '2020-05-20' }]);
    expect(occurrences('annually', { from: '2019-04-01', to: '2021-03-31' })).toEqual([
      { from: '2019-04-01', to: '2020-03-31' },
      { from: '2020-04-01', to: '2021-03-31' },
    ]);
  });

  it('a window starting mid-quarter clips the first occurrence and drops a quarter cut off at the end', () => {
    expect(occurrences('quarterly', { from: '2019-05-15', to: '2020-02-15' })).toEqual([
      { from: '2019-05-15', to: '2019-06-30' },
      { from: '2019-07-01', to: '2019-09-30' },
      { from: '2019-10-01', to: '2019-12-31' },
    ]);
  });

  it('follows the anchor: a January financial year has calendar quarters', () => {
    const ends = occurrences('quarterly', { from: '2020-01-01', to: '2020-12-31' }, '2020-01-01').map((o) => o.to);
    expect(ends).toEqual(['2020-03-31', '2020-06-30', '2020-09-30', '2020-12-31']);
    expect(occurrences('six-monthly', { from: '2020-01-01', to: '2020-12-31' }, '2019-01-01').map((o) => o.to)).toEqual([
      '2020-06-30',
      '2020-12-31',
    ]);
    expect(occurrences('annually', fy2019, '2019-01-01')).toEqual([{ from: '2019-04-01', to: '2019-12-31' }]);
  });

  it('is empty for an empty or reversed window', () => {
    expect(occurrences('monthly', { from: '2019-04-01', to: '2019-04-29' })).toEqual([]);
    expect(occurrences('monthly', { from: '2019-05-01', to: '2019-04-01' })).toEqual([]);
  });
});
