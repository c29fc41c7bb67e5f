// Calendar arithmetic on ISO dates ("YYYY-MM-DD") without time zones.
// Everything works on whole days with integer maths (proleptic Gregorian calendar), so no Date objects,
// no clocks and no local-time surprises.
import type { IsoDate } from '../types.ts';

export interface Ymd {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export const MONTH_NAMES: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export const WEEKDAY_NAMES: readonly string[] = [
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS[month - 1] ?? 0;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Formats a date; throws a RangeError when the date does not exist. */
export function toIso(year: number, month: number, day: number): IsoDate {
  if (!isValidYmd(year, month, day)) throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Like toIso, but null for a date that does not exist (31 June, 29 February 2019). */
export function tryIso(year: number, month: number, day: number): IsoDate | null {
  return isValidYmd(year, month, day) ? toIso(year, month, day) : null;
}

export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function parseIso(date: IsoDate): Ymd {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ymd = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!ymd || !isValidYmd(ymd.year, ymd.month, ymd.day)) throw new RangeError(`Not an ISO date: ${date}`);
  return ymd;
}

/** Days since 1970-01-01 (negative before). Algorithm "days_from_civil" (H. Hinnant). */
export function dayNumber(date: IsoDate): number {
  const { year, month, day } = parseIso(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return toIso(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Adds calendar months; the day is clamped to the target month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIso(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return toIso(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function firstOfMonth(year: number, month: number): IsoDate {
  return toIso(year, month, 1);
}

export function lastOfMonth(year: number, month: number): IsoDate {
  return toIso(year, month, daysInMonth(year, month));
}

export function minIso(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** "14 March 2018": how a date is shown in messages. */
export function formatLong(date: IsoDate): string {
  const { year, month, day } = parseIso(date);
  return `${day} ${MONTH_NAMES[month - 1] ?? ''} ${year}`;
}
