// Financial years and their quarters. A financial year is named by the calendar year it starts in
// ("2019/20" starts in 2019); with a January start the financial year is the calendar year ("2020").
import type { DueWindow, IsoDate } from '../types.ts';
import { addDays, addMonths, parseIso, toIso } from './calendar.ts';

export const DEFAULT_FY_START_MONTH = 4;

function checkStartMonth(fyStartMonth: number): void {
  if (!Number.isInteger(fyStartMonth) || fyStartMonth < 1 || fyStartMonth > 12) {
    throw new RangeError(`Financial year start month must be 1–12, got ${fyStartMonth}`);
  }
}

/** The year the financial year containing `date` starts in (2019 for 2020-03-31 with an April start). */
export function financialYearOf(date: IsoDate, fyStartMonth = DEFAULT_FY_START_MONTH): number {
  checkStartMonth(fyStartMonth);
  const { year, month } = parseIso(date);
  return month >= fyStartMonth ? year : year - 1;
}

/** First and last day of the financial year starting in `startYear`. */
export function financialYearWindow(startYear: number, fyStartMonth = DEFAULT_FY_START_MONTH): DueWindow {
  checkStartMonth(fyStartMonth);
  const from = toIso(startYear, fyStartMonth, 1);
  return { from, to: addDays(addMonths(from, 12), -1) };
}

/** "2019/20" for an April start; "2020" when the financial year is the calendar year. */
export function financialYearLabel(startYear: number, fyStartMonth = DEFAULT_FY_START_MONTH): string {
  if (fyStartMonth === 1) return String(startYear);
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** A run of `months` months starting `offsetMonths` after the financial year begins. */
export function financialYearPart(
  startYear: number,
  offsetMonths: number,
  months: number,
  fyStartMonth = DEFAULT_FY_START_MONTH,
): DueWindow {
  const from = addMonths(financialYearWindow(startYear, fyStartMonth).from, offsetMonths);
  return { from, to: addDays(addMonths(from, months), -1) };
}

/** Quarter 1–4 of the financial year starting in `startYear` (Q1 = April–June for an April start). */
export function quarterWindow(startYear: number, quarter: number, fyStartMonth = DEFAULT_FY_START_MONTH): DueWindow {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`No quarter ${quarter}`);
  return financialYearPart(startYear, (quarter - 1) * 3, 3, fyStartMonth);
}

/**
 * Whether "YYYY" followed by "YY"/"YYYY" names consecutive years ("2019/20", "2019-2020", "1999/00").
 * Returns the start year or null.
 */
export function consecutiveYears(first: string, second: string): number | null {
  const a = Number(first);
  const b = Number(second);
  if (!Number.isInteger(a) || !Number.isInteger(b) || first.length !== 4) return null;
  if (second.length === 4) return b === a + 1 ? a : null;
  if (second.length === 2) return b === (a + 1) % 100 ? a : null;
  return null;
}

const FY_IN_TITLE =
  /(?<![\d/.-])(?:FY\s{0,2})?(\d{4})\s{0,2}[/\-‐‑‒–—]\s{0,2}(\d{4}|\d{2})(?![\d]|\s{0,2}[/\-‐‑‒–—.]\s{0,2}\d)/gu;
const FY_SHORT_IN_TITLE = /(?<![\p{L}\d])FY\s{0,2}(\d{2})\s{0,2}[/\-‐‑‒–—]\s{0,2}(\d{2})(?!\d)/giu;

/**
 * The financial year a title names: "Improvement Plan 2019/20", "2019-20", "2019/2020", "FY19/20"
 * → 2019-04-01..2020-03-31 (for an April start). Null when the title names none.
 */
export function parseFinancialYearTitle(text: string, fyStartMonth = DEFAULT_FY_START_MONTH): DueWindow | null {
  for (const m of text.matchAll(FY_IN_TITLE)) {
    const start = consecutiveYears(m[1] ?? '', m[2] ?? '');
    if (start !== null) return financialYearWindow(start, fyStartMonth);
  }
  for (const m of text.matchAll(FY_SHORT_IN_TITLE)) {
    const start = consecutiveYears(`20${m[1] ?? ''}`, m[2] ?? '');
    if (start !== null) return financialYearWindow(start, fyStartMonth);
  }
  return null;
}
