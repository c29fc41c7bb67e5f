import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, endOfMonth, formatShortDate, isoDay } from '../../src/domain/iso-days.ts';

describe('ISO day arithmetic', () => {
  it('counts days across a leap day and year ends', () => {
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysBetween('2019-02-28', '2019-03-01')).toBe(1);
    expect(daysBetween('2019-12-31', '2019-12-01')).toBe(-30);
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
  });

  it('adds months, keeping inside the shorter month', () => {
    expect(addMonths('2019-01-31', 1)).toBe('2019-02-28');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2019-11-30', 3)).toBe('2020-02-29');
    expect(addMonths('2020-02-29', -12)).toBe('2019-02-28');
    expect(addMonths('2019-05-31', 1)).toBe('2019-06-30');
  });

  it('finds month ends and formats short dates', () => {
    expect(endOfMonth('2020-02-10')).toBe('2020-02-29');
    expect(formatShortDate('2019-06-30')).toBe('30 Jun 2019');
    expect(formatShortDate('2020-03-01')).toBe('1 Mar 2020');
    expect(isoDay('2019-05-10T09:30:00Z')).toBe('2019-05-10');
  });

  it('rejects what is not an ISO date', () => {
    expect(() => addDays('30/06/2019', 1)).toThrow(RangeError);
  });
});
