// Date helpers for the tracking rules (KPI, milestone timing, recurrence, RAG), built on the calendar of
// `dates/calendar.ts`. They also accept ISO timestamps ("2019-05-10T09:00:00Z"), using their date part.
import type { IsoDate } from './types.ts';
import * as calendar from './dates/calendar.ts';

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MS_PER_DAY = 86_400_000;

/** The date part of an ISO date or timestamp ("2019-05-10T09:00:00Z" → "2019-05-10"). */
export function isoDay(value: string): IsoDate {
  return value.slice(0, 10);
}

/** Milliseconds since the epoch at UTC midnight of the date. */
export function utcMillis(date: IsoDate): number {
  return calendar.dayNumber(isoDay(date)) * MS_PER_DAY;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return calendar.daysBetween(isoDay(from), isoDay(to));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return calendar.addDays(isoDay(date), days);
}

/** The same day `months` later (or earlier), kept inside the month: 31 Jan + 1 month → 28/29 Feb. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return calendar.addMonths(isoDay(date), months);
}

export const daysInMonth = calendar.daysInMonth;
export const minDate = calendar.minIso;
export const maxDate = calendar.maxIso;

/** The last day of the date's month. */
export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = calendar.parseIso(isoDay(date));
  return calendar.lastOfMonth(year, month);
}

/** Months since year 0 (January 2019 → 2019 * 12), for month-by-month stepping. */
export function monthIndex(date: IsoDate): number {
  const { year, month } = calendar.parseIso(isoDay(date));
  return year * 12 + (month - 1);
}

/** The first day of the month with the given {@link monthIndex}. */
export function monthStart(index: number): IsoDate {
  const year = Math.floor(index / 12);
  return calendar.firstOfMonth(year, index - year * 12 + 1);
}

/** The last day of the month with the given {@link monthIndex}. */
export function monthEnd(index: number): IsoDate {
  const year = Math.floor(index / 12);
  return calendar.lastOfMonth(year, index - year * 12 + 1);
}

/** "2019-06-30" → "30 Jun 2019": the short form used in reasons and chart labels. */
export function formatShortDate(date: IsoDate): string {
  const { year, month, day } = calendar.parseIso(isoDay(date));
  return `${day} ${SHORT_MONTHS[month - 1] ?? '?'} ${year}`;
}
