// Small calendar arithmetic on ISO dates ("YYYY-MM-DD"), done on UTC day numbers so time zones and
// daylight saving never shift a date. Used by the KPI, milestone-timing, recurrence and RAG rules.
import type { IsoDate } from './types.ts';

const MS_PER_DAY = 86_400_000;
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Ymd {
  year: number;
  month: number; // 1..12
  day: number;
}

/** The date part of an ISO date or timestamp ("2019-05-10T09:00:00Z" → "2019-05-10"). */
export function isoDay(value: string): IsoDate {
  return value.slice(0, 10);
}

function parts(date: IsoDate): Ymd {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) throw new RangeError(`Not an ISO date: ${JSON.stringify(date)}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function fromParts(year: number, month: number, day: number): IsoDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** Milliseconds since the epoch at UTC midnight of the date. */
export function utcMillis(date: IsoDate): number {
  const { year, month, day } = parts(date);
  return Date.UTC(year, month - 1, day);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMillis(to) - utcMillis(from)) / MS_PER_DAY);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parts(date);
  return fromParts(year, month, day + days);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day `months` later (or earlier), kept inside the month: 31 Jan + 1 month → 28/29 Feb. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return fromParts(y, m, Math.min(day, daysInMonth(y, m)));
}

/** The last day of the date's month. */
export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = parts(date);
  return fromParts(year, month, daysInMonth(year, month));
}

/** Months since year 0 (January 2019 → 2019 * 12), for month-by-month stepping. */
export function monthIndex(date: IsoDate): number {
  const { year, month } = parts(date);
  return year * 12 + (month - 1);
}

/** The first day of the month with the given {@link monthIndex}. */
export function monthStart(index: number): IsoDate {
  const year = Math.floor(index / 12);
  return fromParts(year, index - year * 12 + 1, 1);
}

/** The last day of the month with the given {@link monthIndex}. */
export function monthEnd(index: number): IsoDate {
  return endOfMonth(monthStart(index));
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** "2019-06-30" → "30 Jun 2019": the short form used in reasons and chart labels. */
export function formatShortDate(date: IsoDate): string {
  const { year, month, day } = parts(date);
  return `${day} ${SHORT_MONTHS[month - 1] ?? '?'} ${year}`;
}
