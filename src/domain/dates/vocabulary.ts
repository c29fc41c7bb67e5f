// Words and regular-expression pieces for dates as people write them in UK plans.
// Every quantifier here is bounded so that no pattern can backtrack catastrophically.

/** Full month names first so that the longest spelling wins. */
export const MONTH_SOURCE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December' +
  '|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?!\\p{L})';

export const FULL_MONTH_SOURCE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

export const WEEKDAY_SOURCE =
  '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Tues|Tue|Wed|Thurs|Thur|Thu|Mon|Fri|Sat|Sun)(?!\\p{L})';

/** Hyphens and dashes people type or Word substitutes. */
export const DASH_SOURCE = '[\\-\u2010\u2011\u2012\u2013\u2014\u2015]';

export const ORDINAL_SOURCE = '(?:st|nd|rd|th)?';

const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** 1–12 for a month word the patterns above accept ("Sept" → 9), otherwise null. */
export function monthNumber(word: string): number | null {
  const i = MONTH_KEYS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
}

/** ISO weekday 1 (Monday) – 7 (Sunday) for a weekday word, otherwise null. */
export function weekdayNumber(word: string): number | null {
  const i = WEEKDAY_KEYS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
}

const MONTH_WORD = new RegExp(`^${MONTH_SOURCE}$`, 'iu');

/** Whether a whole word is a month as accepted by the reader ("Sept", "march"; not "Sept-ember"). */
export function isMonthWord(word: string): boolean {
  return MONTH_WORD.test(word);
}

/** "19" → 2019: two-digit years are read as 20yy. */
export function expandYear(digits: string): number {
  const n = Number(digits);
  return digits.length <= 2 ? 2000 + n : n;
}

/** Years outside this range are treated as unreadable (protects the calendar arithmetic). */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 8999;

export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}
