import { describe, expect, it } from 'vitest';
import {
  financialYearLabel,
  financialYearOf,
  financialYearWindow,
  inferPlanPeriod,
  parseFinancialYearTitle,
  quarterWindow,
} from '../../../src/domain/dates/index.ts';

const fy2019 = { from: '2019-04-01', to: '2020-03-31' };

describe('financial years', () => {
  it('the year a financial year starts in', () => {
    expect(financialYearOf('2019-04-01')).toBe(2019);
    expect(financialYearOf('2020-03-31')).toBe(2019);
    expect(financialYearOf('2019-03-31')).toBe(2018);
    expect(financialYearOf('2020-03-31', 1)).toBe(2020);
    expect(financialYearOf('2020-06-30', 7)).toBe(2019);
  });

  it('windows and labels', () => {
    expect(financialYearWindow(2019)).toEqual(fy2019);
    expect(financialYearWindow(2020, 1)).toEqual({ from: '2020-01-01', to: '2020-12-31' });
    expect(financialYearWindow(2019, 3)).toEqual({ from: '2019-03-01', to: '2020-02-29' });
    expect(financialYearLabel(2019)).toBe('2019/20');
    expect(financialYearLabel(1999)).toBe('1999/00');
    expect(financialYearLabel(2020, 1)).toBe('2020');
    expect(() => financialYearWindow(2019, 0)).toThrow(RangeError);
  });

  it('quarters', () => {
    expect(quarterWindow(2019, 1)).toEqual({ from: '2019-04-01', to: '2019-06-30' });
    expect(quarterWindow(2019, 4)).toEqual({ from: '2020-01-01', to: '2020-03-31' });
    expect(quarterWindow(2020, 1, 1)).toEqual({ from: '2020-01-01', to: '2020-03-31' });
  });

  it.each([
    ['Lancashire LEP Improvement Plan 2019/20', fy2019],
    ['Improvement plan 2019-20', fy2019],
    ['Improvement plan 2019–2020', fy2019],
    ['Improvement plan 2019/2020', fy2019],
    ['Action plan FY19/20', fy2019],
    ['Improvement plan', null],
    ['Lancashire 2050', null],
    ['Plan agreed 2019-09-30', null],
    ['Plan 2019/21', null],
  ])('parseFinancialYearTitle(%s)', (title, expected) => {
    expect(parseFinancialYearTitle(title)).toEqual(expected);
  });
});

describe('inferPlanPeriod', () => {
  it('takes the financial year named in a title first', () => {
    expect(
      inferPlanPeriod({ titleTexts: ['Annual review', 'Improvement Plan 2020/21'], milestoneTexts: ['by July 2019'] }),
    ).toEqual({ from: '2020-04-01', to: '2021-03-31' });
  });

  it('accepts a title that spells out the months of one financial year', () => {
    expect(inferPlanPeriod({ titleTexts: ['Improvement Plan April 2019 – March 2020'], milestoneTexts: [] })).toEqual(fy2019);
    expect(inferPlanPeriod({ titleTexts: ['Improvement Plan April 2019 – June 2020'], milestoneTexts: [] })).toBeNull();
  });

  it('otherwise the financial year most dated milestones fall in, counting only written years', () => {
    const milestoneTexts = [
      'by March 2020', // 2019/20
      'by April 2020', // 2020/21
      'by May 2020', // 2020/21
      'end April', // no year: not counted
      'January', // no year: not counted
      'Quarterly',
    ];
    expect(inferPlanPeriod({ titleTexts: [], milestoneTexts })).toEqual({ from: '2020-04-01', to: '2021-03-31' });
  });

  it('a tie goes to the later financial year', () => {
    expect(inferPlanPeriod({ titleTexts: [], milestoneTexts: ['by March 2020', 'by April 2020'] })).toEqual({
      from: '2020-04-01',
      to: '2021-03-31',
    });
  });

  it('null when nothing tells; and respects the financial year start', () => {
    expect(inferPlanPeriod({ titleTexts: ['Plan'], milestoneTexts: ['ongoing', 'end April'] })).toBeNull();
    expect(inferPlanPeriod({ titleTexts: [], milestoneTexts: ['by March 2020'] }, 1)).toEqual({
      from: '2020-01-01',
      to: '2020-12-31',
    });
  });
});
