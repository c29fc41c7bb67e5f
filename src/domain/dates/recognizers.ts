// The date forms the phrase reader recognises, in the order they are tried. Each recogniser has a global
// pattern and a reader that turns one match into a date, a year-less date (placed later in the plan period)
// or an "unreadable" verdict. Text claimed by an earlier recogniser is not looked at again.
import type { DueWindow } from '../types.ts';
import { daysInMonth, firstOfMonth, lastOfMonth, tryIso } from './calendar.ts';
import {
  consecutiveYears,
  financialYearLabel,
  financialYearOf,
  financialYearWindow,
  quarterWindow,
} from './financial-year.ts';
import { placeInPeriod, type ForYear } from './placement.ts';
import {
  DASH_SOURCE as DASH,
  FULL_MONTH_SOURCE,
  MONTH_SOURCE as MONTH,
  ORDINAL_SOURCE as ORD,
  expandYear,
  isPlausibleYear,
  monthNumber,
} from './vocabulary.ts';

/** What a date stands for: the kind decides which prefixes ("end of", "Wednesday", "w/c") apply. */
export type Kind = 'day' | 'month' | 'quarter' | 'fy' | 'season' | 'year';

export type Recognition =
  | { type: 'date'; kind: Kind; window: DueWindow; years: number[]; notes?: string[] }
  | {
      type: 'yearless';
      kind: Kind;
      forYear: ForYear;
      /** Overrides the usual placement (used for "next financial year"). */
      place?: (period: DueWindow) => DueWindow | null;
    }
  | { type: 'unreadable'; reason: string };

export interface Recognizer {
  name: string;
  pattern: RegExp;
  read(m: RegExpExecArray, text: string, fyStartMonth: number): Recognition | null;
}

// A year after a month or day: "May 2019", "May, 2019", "May-2019", "Feb-20", "Feb '20".
const YEAR_AFTER = `(?:(?:\\.?,?\\s{1,3}|${DASH})(\\d{4})(?!\\d)|${DASH}(\\d{2})(?!\\d)|\\s{0,2}['’‘](\\d{2})(?!\\d))`;
const NOT_BEFORE_DAY = '(?<![\\p{L}\\d./:£$€])';

function yearFrom(...parts: (string | undefined)[]): number | null {
  const p = parts.find((x) => x !== undefined);
  return p === undefined ? null : expandYear(p);
}

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

function unreadable(reason: string): Recognition {
  return { type: 'unreadable', reason };
}

function dated(kind: Kind, window: DueWindow | null, years: number[], reason: string, notes?: string[]): Recognition {
  if (!window || !years.every(isPlausibleYear)) return unreadable(reason);
  return notes ? { type: 'date', kind, window, years, notes } : { type: 'date', kind, window, years };
}

function point(date: string | null): DueWindow | null {
  return date ? { from: date, to: date } : null;
}

function monthWindow(year: number, month: number): DueWindow | null {
  if (!isPlausibleYear(year)) return null;
  return { from: firstOfMonth(year, month), to: lastOfMonth(year, month) };
}

/** A date that exists in some year (29 February does; 31 June does not). */
function dayExists(month: number, day: number): boolean {
  return day >= 1 && day <= daysInMonth(2000, month);
}

const MONTH_LABEL = (month: number): string =>
  ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
    'December'][month - 1] ?? '';

// ---------------------------------------------------------------------------------------------------------
// Explicit days

const isoDate: Recognizer = {
  name: 'iso-date',
  pattern: /(?<![\p{L}\d./-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\p{L}\d]|[./-]\d)/gu,
  read(m) {
    const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
    return dated('day', point(tryIso(y, mo, d)), [y], 'there is no such date');
  },
};

const numericDate: Recognizer = {
  name: 'numeric-date',
  // UK day-first: 30.09.2019, 10/10/19, 3-4-2019. The same separator twice.
  pattern: /(?<![\p{L}\d./])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\p{L}\d]|[./]\d)/gu,
  read(m) {
    const [d, mo, y] = [Number(m[1]), Number(m[3]), expandYear(m[4] ?? '')];
    const reason = mo > 12 ? 'there is no month ' + mo + ' (dates are read day first)' : 'there is no such date';
    return dated('day', point(tryIso(y, mo, d)), [y], reason);
  },
};

/** Days `days` of the month named `monthText` (null when it names no month), in `year` or, without one, yearless. */
function dayWindowReader(
  monthText: string | undefined,
  days: [number, number],
  year: number | null,
): Recognition | null {
  const month = monthNumber(monthText ?? '');
  if (month === null) return null;
  const [d1, d2] = days;
  const build = (y: number): DueWindow | null => {
    const from = tryIso(y, month, d1);
    const to = tryIso(y, month, d2);
    return from && to ? { from, to } : null;
  };
  if (year !== null) return dated('day', build(year), [year], 'there is no such date');
  if (!isCapitalised(monthText ?? '')) return null;
  if (!dayExists(month, d1) || !dayExists(month, d2)) return unreadable(`${MONTH_LABEL(month)} has no day ${d2}`);
  return { type: 'yearless', kind: 'day', forYear: build };
}

const dayRange: Recognizer = {
  name: 'day-range',
  // "1–5 July 2019", "1st to 5th July"
  pattern: new RegExp(
    `${NOT_BEFORE_DAY}(\\d{1,2})${ORD}(?:${DASH}|\\s{1,3}to\\s{1,3})(\\d{1,2})${ORD}(?:\\s{1,3}of)?\\s{1,3}(${MONTH})${YEAR_AFTER}?`,
    'giu',
  ),
  read(m) {
    const [d1, d2] = [Number(m[1]), Number(m[2])];
    if (d1 >= d2) return null;
    return dayWindowReader(m[3], [d1, d2], yearFrom(m[4], m[5], m[6]));
  },
};

const dayMonth: Recognizer = {
  name: 'day-month',
  // "1st May 2019", "15 Aug 2019", "15-Aug-19", "the 1st of May", "15th May"
  pattern: new RegExp(
    `${NOT_BEFORE_DAY}(\\d{1,2})${ORD}(?:\\s{1,3}of)?(?:\\s{1,3}|${DASH})(${MONTH})${YEAR_AFTER}?`,
    'giu',
  ),
  read(m) {
    const day = Number(m[1]);
    return dayWindowReader(m[2], [day, day], yearFrom(m[3], m[4], m[5]));
  },
};

const monthDay: Recognizer = {
  name: 'month-day',
  // "May 15th", "May 15th, 2019", "May 15, 2019"
  pattern: new RegExp(
    `(?<![\\p{L}\\d])(${MONTH})\\s{1,3}(\\d{1,2})(?:(?:st|nd|rd|th)(?:,?\\s{1,3}(\\d{4})(?!\\d))?|,\\s{1,3}(\\d{4})(?!\\d))(?![\\p{L}\\d])`,
    'giu',
  ),
  read(m) {
    const day = Number(m[2]);
    return dayWindowReader(m[1], [day, day], yearFrom(m[3], m[4]));
  },
};

// ---------------------------------------------------------------------------------------------------------
// Seasons, quarters, months, financial years, years

const SEASON_START: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };
const SEASON_CUE = new RegExp(
  `(?<![\\p{L}])(?:by|in|during|over|until|till|before|after|from|of|end\\s{1,3}of|mid|early|late)\\s{1,3}(?:the\\s{1,3})?$|(?<![\\p{L}])mid${DASH}$`,
  'iu',
);

function seasonWindow(season: string, year: number): DueWindow | null {
  const startMonth = SEASON_START[season.toLowerCase()];
  if (startMonth === undefined || !isPlausibleYear(year) || !isPlausibleYear(year + 1)) return null;
  const endYear = startMonth === 12 ? year + 1 : year;
  const endMonth = startMonth === 12 ? 2 : startMonth + 2;
  return { from: firstOfMonth(year, startMonth), to: lastOfMonth(endYear, endMonth) };
}

const season: Recognizer = {
  name: 'season',
  // "winter 2019" = Dec 2019–Feb 2020; "winter 2019/20" likewise; "by summer" in the plan period
  pattern: new RegExp(
    `(?<![\\p{L}])(spring|summer|autumn|fall|winter)(?:\\s{1,3}(\\d{4})(?:\\s{0,2}(?:/|${DASH})\\s{0,2}(\\d{4}|\\d{2}))?(?!\\d))?(?!\\p{L})`,
    'giu',
  ),
  read(m, text) {
    const name = m[1] ?? '';
    if (m[2] !== undefined) {
      const year = Number(m[2]);
      if (m[3] !== undefined && consecutiveYears(m[2], m[3]) === null) {
        return unreadable(`${m[2]}/${m[3]} is not a pair of consecutive years`);
      }
      return dated('season', seasonWindow(name, year), [year], 'the year is out of range');
    }
    if (name.toLowerCase() === 'fall') return null;
    const before = text.slice(Math.max(0, (m.index ?? 0) - 30), m.index);
    if (!SEASON_CUE.test(before)) return null;
    return { type: 'yearless', kind: 'season', forYear: (y) => seasonWindow(name, y) };
  },
};

const QWORD = '(?:Q|Qtr\\.?\\s{0,2}|Quarter\\s{0,2})';
const PAIR = `(\\d{4})\\s{0,2}(?:/|${DASH})\\s{0,2}(\\d{4}|\\d{2})`;
const quarter: Recognizer = {
  name: 'quarter',
  // "Q1 2019/20", "Q3 2021/22", "Q1-Q2 2019/20", "2019/20 Q1", "Q1 FY19/20", "Quarter 4", "Q4"
  pattern: new RegExp(
    `(?<![\\p{L}\\d])(?:${PAIR}\\s{1,3})?${QWORD}(\\d)(?!\\d)` +
      `(?:\\s{0,3}(?:/|&|${DASH}|\\sto\\s|\\sand\\s)\\s{0,3}${QWORD}(\\d)(?!\\d))?` +
      `(?:,?\\s{1,3}(?:of\\s{1,3})?(?:FY\\s{0,2})?(\\d{4})(?:\\s{0,2}(?:/|${DASH})\\s{0,2}(\\d{4}|\\d{2}))?(?!\\d)` +
      `|,?\\s{1,3}(?:of\\s{1,3})?FY\\s{0,2}(\\d{2})\\s{0,2}(?:/|${DASH})\\s{0,2}(\\d{2})(?!\\d))?`,
    'giu',
  ),
  read(m, _text, fyStartMonth) {
    const q1 = Number(m[3]);
    const q2 = m[4] === undefined ? q1 : Number(m[4]);
    const bad = [q1, q2].find((q) => q < 1 || q > 4);
    if (bad !== undefined) return unreadable(`there is no quarter Q${bad} (quarters are Q1–Q4)`);
    const span = (startYear: number): DueWindow | null => {
      if (!isPlausibleYear(startYear) || !isPlausibleYear(startYear + 1)) return null;
      const first = quarterWindow(startYear, q1, fyStartMonth);
      const last = quarterWindow(q2 < q1 ? startYear + 1 : startYear, q2, fyStartMonth);
      return { from: first.from, to: last.to };
    };
    const notes: string[] = [];
    let startYear: number | null = null;
    let written: string | null = null;
    if (m[1] !== undefined && m[2] !== undefined) {
      startYear = consecutiveYears(m[1], m[2]);
      written = `${m[1]}/${m[2]}`;
    } else if (m[5] !== undefined && m[6] !== undefined) {
      startYear = consecutiveYears(m[5], m[6]);
      written = `${m[5]}/${m[6]}`;
    } else if (m[7] !== undefined && m[8] !== undefined) {
      startYear = consecutiveYears(`20${m[7]}`, m[8]);
      written = `FY${m[7]}/${m[8]}`;
    } else if (m[5] !== undefined) {
      startYear = Number(m[5]);
      written = m[5];
      if (fyStartMonth !== 1) {
        const label = financialYearLabel(startYear, fyStartMonth);
        notes.push(`"${m[0].trim()}" names a calendar year: read as Q${q1} of financial year ${label}; write "Q${q1} ${label}" or the months to be certain`);
      }
    }
    if (written === null) return { type: 'yearless', kind: 'quarter', forYear: span };
    if (startYear === null) return unreadable(`${written} is not a financial year`);
    return dated('quarter', span(startYear), [startYear, startYear + 1], 'the year is out of range', notes.length ? notes : undefined);
  },
};

function spanWindow(m1: number, m2: number, year: number): DueWindow | null {
  const firstYear = m1 > m2 ? year - 1 : year;
  if (!isPlausibleYear(firstYear) || !isPlausibleYear(year)) return null;
  return { from: firstOfMonth(firstYear, m1), to: lastOfMonth(year, m2) };
}

const monthSpan: Recognizer = {
  name: 'month-span',
  // "April/May 2019", "April–June 2019", "Nov-Feb 2020", "April to June"
  pattern: new RegExp(
    `(?<![\\p{L}\\d])(${MONTH})\\s{0,3}(?:/|&|${DASH}|\\s(?:to|and|or|until|till|through)\\s)\\s{0,3}(${MONTH})${YEAR_AFTER}?`,
    'giu',
  ),
  read(m) {
    const m1 = monthNumber(m[1] ?? '');
    const m2 = monthNumber(m[2] ?? '');
    if (m1 === null || m2 === null) return null;
    const year = yearFrom(m[3], m[4], m[5]);
    if (year !== null) return dated('month', spanWindow(m1, m2, year), [year], 'the year is out of range');
    if (!isCapitalised(m[1] ?? '') || !isCapitalised(m[2] ?? '')) return null;
    return { type: 'yearless', kind: 'month', forYear: (y) => spanWindow(m1, m2, y) };
  },
};

const monthYear: Recognizer = {
  name: 'month-year',
  // "September 2019", "Sept 2019", "Feb-20", "March 2020"
  pattern: new RegExp(`(?<![\\p{L}\\d])(${MONTH})${YEAR_AFTER}`, 'giu'),
  read(m) {
    const month = monthNumber(m[1] ?? '');
    const year = yearFrom(m[2], m[3], m[4]);
    if (month === null || year === null) return null;
    return dated('month', monthWindow(year, month), [year], 'the year is out of range');
  },
};

/** Things counted per financial year: a year written before one of them labels it ("the 2020/21 budget"). */
const COUNTED_THINGS =
  '(?:budgets?|accounts?|(?:annual\\s{1,3})?reports?|statements?|allocations?|settlements?|returns?|business\\s{1,3}plans?|delivery\\s{1,3}plans?|grants?|funding|programmes?|outturn|precept|council\\s{1,3}tax|audit)(?![\\p{L}])';

const financialYear: Recognizer = {
  name: 'financial-year',
  // "2019/20", "2019-20", "2019/2020", "financial year 2019/20", "FY2019/20"
  pattern: new RegExp(
    `(?<![\\p{L}\\d/.])(?:(?:financial\\s{1,3}year|FY)\\s{0,2})?(\\d{4})\\s{0,2}(?:/|${DASH})\\s{0,2}(\\d{4}|\\d{2})(?!\\d|\\s{0,2}(?:[/.]|${DASH})\\s{0,2}\\d)` +
      // "the 2020/21 budget", "2019/20 accounts": a year naming what is counted is a label, not a date
      `(?!\\s{1,3}${COUNTED_THINGS})`,
    'giu',
  ),
  read(m, _text, fyStartMonth) {
    const [a, b] = [m[1] ?? '', m[2] ?? ''];
    const start = consecutiveYears(a, b);
    if (start === null) {
      const first = Number(a);
      return b.length === 2 && first >= 1990 && first <= 2099 ? unreadable(`${a}/${b} is not a financial year`) : null;
    }
    if (!isPlausibleYear(start + 1)) return null;
    return dated('fy', financialYearWindow(start, fyStartMonth), [start, start + 1], 'the year is out of range');
  },
};

const shortFinancialYear: Recognizer = {
  name: 'short-financial-year',
  // "FY19/20"; "FY20" alone is ambiguous and reported
  pattern: new RegExp(`(?<![\\p{L}\\d])FY\\s{0,2}(\\d{2})(?:\\s{0,2}(?:/|${DASH})\\s{0,2}(\\d{2}))?(?![\\d/])`, 'giu'),
  read(m, _text, fyStartMonth) {
    if (m[2] === undefined) return unreadable('it does not say which financial year: write it as 2019/20');
    const start = consecutiveYears(`20${m[1] ?? ''}`, m[2]);
    if (start === null) return unreadable(`FY${m[1]}/${m[2]} is not a financial year`);
    return dated('fy', financialYearWindow(start, fyStartMonth), [start, start + 1], 'the year is out of range');
  },
};

const RELATIVE_OFFSET: Record<string, number> = { next: 1, following: 1, previous: -1, last: -1 };

const relativeFinancialYear: Recognizer = {
  name: 'relative-financial-year',
  // "end of financial year", "the financial year", "next financial year", "end of FY"
  pattern: /(?<![\p{L}])(?:(this|current|next|following|previous|last)\s{1,3})?(?:financial\s{1,3}year|FY)(?![\p{L}\d])/giu,
  read(m, _text, fyStartMonth) {
    const offset = RELATIVE_OFFSET[(m[1] ?? '').toLowerCase()] ?? 0;
    const forYear: ForYear = (y) => (isPlausibleYear(y + 1) ? financialYearWindow(y, fyStartMonth) : null);
    return {
      type: 'yearless',
      kind: 'fy',
      forYear,
      place: (period) => {
        const base = placeInPeriod(forYear, period, null);
        return base ? forYear(financialYearOf(base.from, fyStartMonth) + offset) : null;
      },
    };
  },
};

const yearEnd: Recognizer = {
  name: 'year-end',
  // "by year end", "financial year-end": the end of the plan's financial year
  pattern: /(?<![\p{L}])(?:financial\s{1,3})?year[\s-]{1,2}end(?![\p{L}])/giu,
  read(_m, _text, fyStartMonth) {
    return {
      type: 'yearless',
      kind: 'fy',
      forYear: (y) => (isPlausibleYear(y + 1) ? point(financialYearWindow(y, fyStartMonth).to) : null),
    };
  },
};

const BY_BEFORE_YEAR = /(?<![\p{L}])by\s{1,3}(?:the\s{1,3})?(?:end\s{1,3}(?:of\s{1,3})?(?:the\s{1,3})?)?$/iu;
const END_BEFORE_YEAR = /(?<![\p{L}])end\s{1,3}(?:of\s{1,3})?(?:the\s{1,3})?$/iu;
/** "increase by 2000", "reduced by 1500": an amount, not a year. */
const CHANGE_BY = /(?<![\p{L}])(?:increase[sd]?|increasing|reduce[sd]?|reducing|rise[sn]?|rising|rose|grow[sn]?|grew|growing|fall(?:s|en|ing)?|fell|cut|cuts|decrease[sd]?|decreasing|up|down|improve[sd]?|raise[sd]?|lower(?:ed)?)\s{1,3}by\s{1,3}$/iu;

const yearAfterBy: Recognizer = {
  name: 'year-after-by',
  // "by 2020" = the whole year; "end of 2020" = 31 December. Any other bare year is not a date.
  pattern: new RegExp(
    `(?<![\\p{L}\\d/.£$€-])(\\d{4})(?![\\d\\p{L}]|\\s{0,2}(?:[/.]|${DASH})\\s{0,2}\\d|\\s{0,2}%|\\s{1,3}per\\s?cent)`,
    'giu',
  ),
  read(m, text) {
    const year = Number(m[1]);
    if (year < 1900 || year > 2199) return null;
    const before = text.slice(Math.max(0, (m.index ?? 0) - 40), m.index);
    const byMatch = BY_BEFORE_YEAR.exec(before);
    if (byMatch) {
      if (CHANGE_BY.test(before.slice(0, byMatch.index + 3))) return null;
    } else if (!END_BEFORE_YEAR.test(before)) {
      return null;
    }
    return dated('year', { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` }, [year], 'the year is out of range');
  },
};

const SENTENCE_START = /(?:^|[.!?;:]\s{0,3})[\s\u00b7\u2022\u25aa\-*o"“'‘]{0,6}$/u;
const CAPITALISED_WORD_BEFORE = /(?<![\p{L}])\p{Lu}\p{Ll}{1,20}\s{1,3}$/u;
const DATE_CUE_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:by|in|on|during|from|until|till|before|after|since|end|mid|early|late|of|for)\\s{1,3}(?:the\\s{1,3})?$|${DASH}\\s{0,3}$`,
  'iu',
);

const STRONG_CUE_BEFORE = /(?<![\p{L}])(?:by|before|until|till|end|end\s{1,3}of|mid|during)\s{1,3}(?:the\s{1,3})?$/iu;

const bareMonth: Recognizer = {
  name: 'bare-month',
  // "January", "October Work Programme", "end April": a capitalised month name without day or year
  // (a lower-case one only after "by", "end of" and the like).
  // "May"/"March" starting a sentence and followed by a lower-case word are read as verbs ("May be delayed"),
  // and "May" straight after a capitalised word without a date cue as a surname ("Theresa May").
  pattern: new RegExp(`(?<![\\p{L}\\d])(${FULL_MONTH_SOURCE})(?![\\p{L}\\d]|${DASH}\\p{L})`, 'giu'),
  read(m, text) {
    const name = m[1] ?? '';
    const month = monthNumber(name);
    if (month === null) return null;
    const start = m.index ?? 0;
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(start + name.length, start + name.length + 4);
    const cue = DATE_CUE_BEFORE.test(before);
    if (!isCapitalised(name)) {
      // "by june", "end of october": read when a date cue comes first; "may" and "march" stay words.
      if (!STRONG_CUE_BEFORE.test(before) || month === 3 || month === 5) return null;
    } else if ((name === 'May' || name === 'March') && !cue) {
      if (SENTENCE_START.test(before) && /^\s{1,3}\p{Ll}/u.test(after)) return null;
      if (name === 'May' && CAPITALISED_WORD_BEFORE.test(before)) return null;
    }
    return { type: 'yearless', kind: 'month', forYear: (y) => monthWindow(y, month) };
  },
};

export const RECOGNIZERS: readonly Recognizer[] = [
  isoDate,
  numericDate,
  dayRange,
  dayMonth,
  monthDay,
  season,
  quarter,
  monthSpan,
  monthYear,
  financialYear,
  shortFinancialYear,
  relativeFinancialYear,
  yearEnd,
  yearAfterBy,
  bareMonth,
];
