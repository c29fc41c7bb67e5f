// Moving a plan written for one financial year to another, as text, so that a demo plan is always "this year's":
// every year written in it moves by the same number of years, and every weekday written with a date is worked
// out again so that it still matches ("Wednesday 18th September" 2024 → "Friday 18th September" 2026). A 29th of
// February that lands in a common year becomes the 28th. Pure: no I/O.
//
// Forms moved: 4-digit years (2024), financial years (2024/25, 2024-25), numeric dates with a 2- or 4-digit year
// (31/10/24, 26.02.2025), ISO dates (2024-08-30), month-year abbreviations (Feb-25, Feb '25), and day-month dates
// with or without a weekday and with or without a year (Wednesday 18th September, 29 February 2024). A date
// without a year is taken to fall in the financial year the text was written for.
import { DEFAULT_FY_START_MONTH, addMonths, financialYearOf, financialYearWindow, isLeapYear, isValidYmd, toIso, weekdayOf } from './dates/index.ts';
import { MONTH_SOURCE, WEEKDAY_SOURCE, monthNumber, weekdayNumber } from './dates/vocabulary.ts';
import type { DueWindow, IsoDate } from './types.ts';

const FULL_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SHORT_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface YearShift {
  /** Years to add (negative: earlier). */
  years: number;
  /** The first calendar year of the financial year the text was written for (2024 for "2024/25"). */
  writtenFyStart: number;
  /** 1 = January … 12 = December; April by default. */
  fyStartMonth?: number;
}

// One pattern, tried left to right at each position, so the longest form wins and nothing is moved twice.
const PATTERN = new RegExp(
  [
    // 1–4: [weekday] day[ordinal] month [year]
    `(?:(${WEEKDAY_SOURCE}),?\\s+)?\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_SOURCE})(?:,?\\s+((?:19|20)\\d{2})\\b)?`,
    // 5–7: ISO date
    `\\b((?:19|20)\\d{2})-(\\d{2})-(\\d{2})\\b`,
    // 8–11: numeric day/month/year
    `\\b(\\d{1,2})([/.])(\\d{1,2})\\9(\\d{4}|\\d{2})\\b`,
    // 12–14: financial year
    `\\b((?:19|20)\\d{2})([/\\-])(\\d{2})\\b(?![/.\\-]\\d)`,
    // 15–17: month-year abbreviation
    `\\b(${MONTH_SOURCE})([\\-']|\\s')(\\d{2})\\b`,
    // 18: a year
    `\\b((?:19|20)\\d{2})\\b`,
  ].join('|'),
  'giu',
);

function twoDigits(n: number): string {
  return String(((n % 100) + 100) % 100).padStart(2, '0');
}

/** The day, kept when it exists in the new year (only the 29th of February can be lost). */
function dayIn(year: number, month: number, day: number): number {
  return month === 2 && day === 29 && !isLeapYear(year) ? 28 : day;
}

function weekdayWord(original: string, date: IsoDate): string {
  const n = weekdayOf(date) - 1;
  const full = FULL_WEEKDAYS[n] ?? '';
  const word = original.length > 4 ? full : (SHORT_WEEKDAYS[n] ?? '');
  return original === original.toUpperCase() ? word.toUpperCase() : original === original.toLowerCase() ? word.toLowerCase() : word;
}

/** The year a date without a year falls in, in the financial year the text was written for. */
function assumedYear(month: number, shift: YearShift): number {
  const start = shift.fyStartMonth ?? DEFAULT_FY_START_MONTH;
  return month >= start ? shift.writtenFyStart : shift.writtenFyStart + 1;
}

function dayMonth(match: string, weekday: string | undefined, dayText: string, monthText: string, yearText: string | undefined, shift: YearShift): string {
  const month = monthNumber(monthText);
  const day = Number(dayText);
  const oldYear = yearText ? Number(yearText) : assumedYear(month ?? 1, shift);
  if (month === null || !isValidYmd(oldYear, month, day)) return match;
  const year = oldYear + shift.years;
  const newDay = dayIn(year, month, day);
  let out = match;
  if (yearText) out = out.replace(new RegExp(`${yearText}$`), String(year));
  if (newDay !== day) out = out.replace(new RegExp(`\\b${dayText}(?=(?:st|nd|rd|th)?\\s)`, 'i'), String(newDay));
  if (weekday && weekdayNumber(weekday) !== null) out = weekdayWord(weekday, toIso(year, month, newDay)) + out.slice(weekday.length);
  return out;
}

/** The text with every year in it moved by `shift.years` (see the top of this file). */
export function shiftPlanYears(text: string, shift: YearShift): string {
  if (shift.years === 0) return text;
  const n = shift.years;
  return text.replace(PATTERN, (match, ...groups: (string | undefined)[]) => {
    const g = (i: number) => groups[i - 1];
    if (g(3) !== undefined) return dayMonth(match, g(1), g(2) ?? '', g(3) ?? '', g(4), shift);
    if (g(5) !== undefined) {
      const [y, m, d] = [Number(g(5)), Number(g(6)), Number(g(7))];
      if (!isValidYmd(y, m, d)) return match;
      return toIso(y + n, m, dayIn(y + n, m, d));
    }
    if (g(8) !== undefined) {
      const [d, sep, m, yText] = [Number(g(8)), g(9) ?? '/', Number(g(10)), g(11) ?? ''];
      const y = yText.length === 2 ? 2000 + Number(yText) : Number(yText);
      if (!isValidYmd(y, m, d)) return match;
      const year = y + n;
      const day = dayIn(year, m, d);
      const dayOut = (g(8) ?? '').length === 2 ? String(day).padStart(2, '0') : String(day);
      return `${dayOut}${sep}${g(10)}${sep}${yText.length === 2 ? twoDigits(year) : String(year)}`;
    }
    if (g(12) !== undefined) {
      const start = Number(g(12));
      // Only a real financial year ("2024/25") is one; "2024/27" is left as two years written together.
      if (twoDigits(start + 1) !== g(14)) return `${start + n}${g(13)}${g(14)}`;
      return `${start + n}${g(13)}${twoDigits(start + n + 1)}`;
    }
    if (g(15) !== undefined) return `${g(15)}${g(16)}${twoDigits(2000 + Number(g(17)) + n)}`;
    return String(Number(g(18)) + n);
  });
}

export interface DemoPlanDates {
  /** First calendar year of the financial year that contains today. */
  fyStart: number;
  /** Years to add to a plan written for `writtenFyStart`. */
  years: number;
  /** The plan's period: the financial year, or — when today is in its first quarter — from one quarter earlier. */
  period: DueWindow;
  /** True when the period was started a quarter early (today is in the first quarter). */
  leadIn: boolean;
}

/**
 * Where a demo plan written for the financial year starting in `writtenFyStart` should sit so that `today` is in
 * it. In the first quarter of a financial year no earlier quarter of that year has ended, so there would be
 * nothing signed off to show: the period then starts one quarter early, as a plan agreed before its year starts
 * (the "lead-in" quarter of mobilisation) and reviewed from then on.
 */
export function demoPlanDates(today: IsoDate, writtenFyStart: number, fyStartMonth = DEFAULT_FY_START_MONTH): DemoPlanDates {
  const fyStart = financialYearOf(today, fyStartMonth);
  const year = financialYearWindow(fyStart, fyStartMonth);
  const leadIn = addMonths(year.from, 3) > today;
  return {
    fyStart,
    years: fyStart - writtenFyStart,
    period: { from: leadIn ? addMonths(year.from, -3) : year.from, to: year.to },
    leadIn,
  };
}
