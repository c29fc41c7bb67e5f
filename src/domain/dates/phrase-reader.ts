// Reads the dates in one milestone (or any short text) as people write them in UK plans, following the table
// "Dates as people write them" of the import format (day before month; financial year from April by default).
//
// Choices where the table leaves room:
// - "w/c 8 July 2019" is the working week: Monday 8 July to Friday 12 July (warns when the date is no Monday).
// - "mid" makes a point on the 15th of a single month; "start of"/"beginning of" a point on the first day.
// - A month name without day or year is a date only when capitalised ("October Work Programme"), or after
//   "by", "end of", "mid", "during" and the like ("by june"). "May"/"March" opening a sentence and followed
//   by a lower-case word are verbs ("May be delayed"); "May" right after a capitalised word is a surname
//   ("Theresa May") unless a date cue comes first. A capitalised first name "June" will still read as a month.
// - A season without a year needs a cue before it ("by the summer"); "fall" only counts with a year.
// - "Q1 2020" (a quarter with a calendar year) is read as Q1 of the financial year starting in 2020, with a
//   warning; with a January start there is no ambiguity and no warning.
// - "by 2020" is the whole year and "end of 2020" 31 December; "increased by 2000" is an amount, not a year.
// - A year-less date listed just before a dated one takes its year ("15 May and 27 June 2019").
// - "year end" / "end of financial year" is the end of the plan's financial year.
import type { DueWindow, Recurrence } from '../types.ts';
import { addDays, addMonths, formatLong, isIsoDate, lastOfMonth, parseIso, toIso, weekdayOf, WEEKDAY_NAMES } from './calendar.ts';
import { DEFAULT_FY_START_MONTH } from './financial-year.ts';
import { overlaps, placeInPeriod, type ForYear } from './placement.ts';
import { RECOGNIZERS, type Kind } from './recognizers.ts';
import { readRecurrence } from './recurrence.ts';
import { findToBeConfirmed, findUnreadable } from './suspicious-words.ts';
import { DASH_SOURCE as DASH, WEEKDAY_SOURCE, isPlausibleYear, weekdayNumber } from './vocabulary.ts';

export interface DateContext {
  /** The plan period (a financial year): dates without a year are placed in it. Null while still unknown. */
  period: DueWindow | null;
  /** Month the financial year starts in, 1–12; April (4) by default. */
  fyStartMonth?: number;
}

export interface DateMatch {
  /** The words read, exactly as written. */
  text: string;
  due: DueWindow;
  /** Whether the year was written (not taken from the plan period): what plan-period inference counts. */
  yearWritten: boolean;
}

export interface DateReading {
  /** Earliest..latest of all dates found; null when there is none. */
  due: DueWindow | null;
  recurrence: Recurrence | null;
  /** Human-readable, each quoting the words it is about. */
  warnings: string[];
  /** Years written in the text as part of a date, ascending. */
  explicitYears: number[];
  matches: DateMatch[];
}

type Modifier = 'end' | 'mid' | 'start';

interface Hit {
  start: number;
  end: number;
  kind: Kind;
  years: number[];
  window: DueWindow | null;
  forYear: ForYear | null;
  place: ((period: DueWindow) => DueWindow | null) | null;
  weekday: number | null;
  weekCommencing: boolean;
  modifier: Modifier | null;
  notes: string[];
}

const MODIFIER_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:the\\s{1,3})?(end|mid|middle|start|beginning)(?:\\s{1,3}of)?(?:\\s{1,3}the)?(?:\\s{0,2}${DASH}\\s{0,2}|\\s{1,3})$`,
  'iu',
);
const WEEK_COMMENCING_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:w/c|w\\.c\\.?|w/b|wc|week\\s{1,3}(?:commencing|beginning|starting)(?:\\s{1,3}on)?)\\s{0,3}(?:(${WEEKDAY_SOURCE})\\.?,?\\s{1,3})?(?:the\\s{1,3})?$`,
  'iu',
);
const WEEKDAY_BEFORE = new RegExp(`(?<![\\p{L}])(${WEEKDAY_SOURCE})\\.?,?\\s{1,3}(?:the\\s{1,3})?$`, 'iu');
const JOINER = new RegExp(`^\\s{0,3}(?:${DASH}|/|&|,|and|or|to|until|till|through)\\s{0,3}$`, 'iu');

const MODIFIERS: Record<string, Modifier> = { end: 'end', mid: 'mid', middle: 'mid', start: 'start', beginning: 'start' };

function isFree(claimed: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (claimed[i]) return false;
  return true;
}

/** Looks just before a hit for "end of", "mid-", "Wednesday", "w/c" and widens the hit over them. */
function readPrefix(text: string, hit: Hit, claimed: Uint8Array): void {
  const sliceStart = Math.max(0, hit.start - 40);
  const before = text.slice(sliceStart, hit.start);
  if (hit.kind === 'day') {
    const wc = WEEK_COMMENCING_BEFORE.exec(before);
    const wd = wc ?? WEEKDAY_BEFORE.exec(before);
    if (!wd) return;
    const start = sliceStart + wd.index;
    if (!isFree(claimed, start, hit.start)) return;
    hit.start = start;
    hit.weekCommencing = wc !== null;
    hit.weekday = wd[1] === undefined ? null : weekdayNumber(wd[1]);
    return;
  }
  const mod = MODIFIER_BEFORE.exec(before);
  if (!mod) return;
  const start = sliceStart + mod.index;
  if (!isFree(claimed, start, hit.start)) return;
  hit.start = start;
  hit.modifier = MODIFIERS[(mod[1] ?? '').toLowerCase()] ?? null;
}

function isWholeMonth(w: DueWindow): boolean {
  const from = parseIso(w.from);
  return from.day === 1 && w.to === lastOfMonth(from.year, from.month);
}

/** Applies "end of" (a point on the last day), "mid" (the 15th of a month), "start of" and "w/c". */
function shape(hit: Hit, w: DueWindow): DueWindow {
  if (hit.weekCommencing) return { from: w.from, to: addDays(w.from, 4) };
  switch (hit.modifier) {
    case 'end':
      return { from: w.to, to: w.to };
    case 'start':
      return { from: w.from, to: w.from };
    case 'mid': {
      if (!isWholeMonth(w)) return w;
      const { year, month } = parseIso(w.from);
      const mid = toIso(year, month, 15);
      return { from: mid, to: mid };
    }
    default:
      return w;
  }
}

function findHits(text: string, claimed: Uint8Array, fyStartMonth: number, warnings: string[]): Hit[] {
  const hits: Hit[] = [];
  for (const recognizer of RECOGNIZERS) {
    for (const m of text.matchAll(recognizer.pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (m[0].length === 0 || !isFree(claimed, start, end)) continue;
      const r = recognizer.read(m, text, fyStartMonth);
      if (!r) continue;
      if (r.type === 'unreadable') {
        claimed.fill(1, start, end);
        warnings.push(`"${m[0]}" could not be read as a date: ${r.reason}`);
        continue;
      }
      const hit: Hit = {
        start,
        end,
        kind: r.kind,
        years: r.type === 'date' ? r.years : [],
        window: r.type === 'date' ? r.window : null,
        forYear: r.type === 'yearless' ? r.forYear : null,
        place: r.type === 'yearless' ? (r.place ?? null) : null,
        weekday: null,
        weekCommencing: false,
        modifier: null,
        notes: r.type === 'date' ? (r.notes ?? []) : [],
      };
      readPrefix(text, hit, claimed);
      claimed.fill(1, hit.start, hit.end);
      hits.push(hit);
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** "15 May and 27 June 2019", "1 July – 5 August 2019": a year-less date takes the year of the next one. */
function inheritYears(text: string, hits: Hit[]): void {
  for (let i = hits.length - 2; i >= 0; i--) {
    const left = hits[i];
    const right = hits[i + 1];
    if (!left || !right || left.window || !left.forYear || !right.window || right.years.length === 0) continue;
    if ((left.kind !== 'day' && left.kind !== 'month') || (right.kind !== 'day' && right.kind !== 'month')) continue;
    if (!JOINER.test(text.slice(left.end, right.start))) continue;
    const anchor = parseIso(right.window.from).year;
    let w = left.forYear(anchor);
    if (!w || w.from > right.window.from) w = isPlausibleYear(anchor - 1) ? left.forYear(anchor - 1) : null;
    if (!w) continue;
    left.window = w;
    left.years = right.years;
  }
}

function placeYearless(hit: Hit, written: string, period: DueWindow | null, warnings: string[]): void {
  if (hit.window || !hit.forYear) return;
  if (!period) {
    warnings.push(`"${written}" has no year and the plan period is not known, so it could not be dated`);
    return;
  }
  const w = hit.place ? hit.place(period) : placeInPeriod(hit.forYear, period, hit.weekday);
  if (!w) {
    warnings.push(`"${written}" could not be read as a date: no year fits it`);
    return;
  }
  hit.window = w;
  if (!overlaps(w, period)) {
    const because = hit.weekday === null ? '' : ` (no ${WEEKDAY_NAMES[hit.weekday - 1]} of that date falls in it)`;
    warnings.push(`"${written}" is not in the plan period${because}: read as ${describe(w)}`);
  }
}

function describe(w: DueWindow): string {
  return w.from === w.to ? formatLong(w.from) : `${formatLong(w.from)} to ${formatLong(w.to)}`;
}

function checkHit(hit: Hit, written: string, due: DueWindow, period: DueWindow | null, warnings: string[]): void {
  warnings.push(...hit.notes);
  if (hit.weekday !== null && !hit.weekCommencing) {
    const actual = weekdayOf(due.from);
    if (actual !== hit.weekday) {
      warnings.push(
        `"${written}": ${formatLong(due.from)} is a ${WEEKDAY_NAMES[actual - 1]}, not a ${WEEKDAY_NAMES[hit.weekday - 1]}`,
      );
    }
  }
  if (hit.weekCommencing && weekdayOf(due.from) !== 1) {
    warnings.push(`"${written}": week commencing ${formatLong(due.from)}, which is a ${WEEKDAY_NAMES[weekdayOf(due.from) - 1]}, not a Monday`);
  }
  if (!period) return;
  if (due.from < addMonths(period.from, -6)) {
    warnings.push(
      `"${written}" (${describe(due)}) is more than 6 months before the plan period begins (${formatLong(period.from)}): check the year`,
    );
  } else if (due.to > addMonths(period.to, 24)) {
    warnings.push(
      `"${written}" (${describe(due)}) is more than 2 years after the plan period ends (${formatLong(period.to)}): check the year`,
    );
  }
}

function validPeriod(period: DueWindow | null): DueWindow | null {
  if (!period || !isIsoDate(period.from) || !isIsoDate(period.to) || period.from > period.to) return null;
  const ok = isPlausibleYear(parseIso(period.from).year - 50) && isPlausibleYear(parseIso(period.to).year + 50);
  return ok ? period : null;
}

/**
 * Reads the dates in a text. Never throws on any text; linear in its length.
 * Throws a RangeError only for a programming error: a fyStartMonth outside 1–12.
 */
export function readDatePhrase(text: string, ctx: DateContext): DateReading {
  const fyStartMonth = ctx.fyStartMonth ?? DEFAULT_FY_START_MONTH;
  if (!Number.isInteger(fyStartMonth) || fyStartMonth < 1 || fyStartMonth > 12) {
    throw new RangeError(`fyStartMonth must be 1–12, got ${fyStartMonth}`);
  }
  const period = validPeriod(ctx.period);
  const warnings: string[] = [];
  const claimed = new Uint8Array(text.length);
  const hits = findHits(text, claimed, fyStartMonth, warnings);
  inheritYears(text, hits);

  const matches: DateMatch[] = [];
  const years = new Set<number>();
  for (const hit of hits) {
    const written = text.slice(hit.start, hit.end);
    const yearWritten = hit.window !== null;
    placeYearless(hit, written, period, warnings);
    if (!hit.window) continue;
    const due = shape(hit, hit.window);
    checkHit(hit, written, due, period, warnings);
    if (yearWritten) for (const y of hit.years) years.add(y);
    matches.push({ text: written, due, yearWritten });
  }
  warnings.push(...findToBeConfirmed(text), ...findUnreadable(text, claimed));

  const due = matches.reduce<DueWindow | null>(
    (acc, m) =>
      acc
        ? { from: m.due.from < acc.from ? m.due.from : acc.from, to: m.due.to > acc.to ? m.due.to : acc.to }
        : { ...m.due },
    null,
  );
  return {
    due,
    recurrence: readRecurrence(text),
    warnings: [...new Set(warnings)],
    explicitYears: [...years].sort((a, b) => a - b),
    matches,
  };
}
