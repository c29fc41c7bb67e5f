import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  isIsoDate,
  isLeapYear,
  parseIso,
  toIso,
  tryIso,
  weekdayOf,
} from '../../../src/domain/dates/index.ts';

describe('calendar', () => {
  it('leap years: every 4th year, except centuries not divisible by 400', () => {
    expect([2019, 2020, 1900, 2000, 2100, 2024].map(isLeapYear)).toEqual([false, true, false, true, false, true]);
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2019, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2019, 4)).toBe(30);
    expect(daysInMonth(2019, 12)).toBe(31);
  });

  it('builds and checks ISO dates', () => {
    expect(toIso(2019, 5, 1)).toBe('2019-05-01');
    expect(tryIso(2019, 2, 29)).toBeNull();
    expect(tryIso(2020, 2, 29)).toBe('2020-02-29');
    expect(() => toIso(2019, 13, 1)).toThrow(RangeError);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2019-2-28')).toBe(false);
    expect(() => parseIso('2019-02-30')).toThrow(RangeError);
  });

  it('weekdays (1 = Monday … 7 = Sunday)', () => {
    expect(weekdayOf('2019-05-15')).toBe(3); // Wednesday
    expect(weekdayOf('2019-07-08')).toBe(1); // Monday
    expect(weekdayOf('1970-01-01')).toBe(4); // Thursday
    expect(weekdayOf('2000-02-29')).toBe(2); // Tuesday
    expect(weekdayOf('1969-12-31')).toBe(3);
  });

  it('adds days and months across month, year and leap boundaries', () => {
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2019-02-28', 1)).toBe('2019-03-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2019-04-01', -6)).toBe('2018-10-01');
    expect(addMonths('2020-03-31', 24)).toBe('2022-03-31');
    expect(daysBetween('2019-04-01', '2020-04-01')).toBe(366);
  });

  it('adding then subtracting days is the identity, and weekdays advance by one a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_000_000 }), fc.integer({ min: -5000, max: 5000 }), (base, n) => {
        const d = addDays('1970-01-01', base);
        expect(isIsoDate(d)).toBe(true);
        expect(addDays(addDays(d, n), -n)).toBe(d);
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        expect(weekdayOf(addDays(d, 1))).toBe((weekdayOf(d) % 7) + 1);
      }),
    );
  });
});
