// The one reader of a GOV.UK date input: day, month and year boxes named `<prefix>-day`, `<prefix>-month` and
// `<prefix>-year`, read into an ISO date with the Design System's error messages. Every form that asks for a date
// (a plan's start, a milestone's due date, the day it was done, a KPI reading, evidence) reads it here.
import { MONTH_NAMES, tryIso } from '../domain/dates/index.ts';
import type { IsoDate } from '../domain/types.ts';
import type { FieldError } from './form-errors.ts';

/** A posted form's fields. */
export type Fields = Record<string, string | undefined>;

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

const PARTS = ['day', 'month', 'year'] as const;

export function dateParts(fields: Fields | undefined, prefix: string): DateParts {
  const part = (name: string) => (fields?.[`${prefix}-${name}`] ?? '').trim();
  return { day: part('day'), month: part('month'), year: part('year') };
}

/** The boxes as they show an ISO date ("2019-06-30" → 30, 6, 2019); empty boxes for no date. */
export function partsOf(date: IsoDate | null | undefined): DateParts {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] ?? '' } : { day: '', month: '', year: '' };
}

/** "4", "04", "April", "apr" → 4; NaN when it is none of these. */
function monthNumber(value: string): number {
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const lower = value.toLowerCase();
  const index = MONTH_NAMES.findIndex((name) => lower.length >= 3 && name.toLowerCase().startsWith(lower));
  return index >= 0 ? index + 1 : Number.NaN;
}

/** A problem with a date: `field` is the prefix, `anchor` the box the error summary should link to. */
export interface DateProblem extends FieldError {
  anchor: string;
}

export type DateReading = { kind: 'empty' } | { kind: 'date'; iso: IsoDate } | { kind: 'error'; problem: DateProblem };

/**
 * Reads the boxes. `label` starts the messages ("Date done must include a month"). Empty boxes are `empty`: the
 * caller decides whether the date was needed (`requiredDate` says so in the GOV.UK words).
 */
export function readDateParts(parts: DateParts, prefix: string, label: string): DateReading {
  const problem = (message: string, part: (typeof PARTS)[number] = 'day'): DateReading => ({
    kind: 'error',
    problem: { field: prefix, anchor: `${prefix}-${part}`, message },
  });
  const missing = PARTS.filter((p) => parts[p] === '');
  if (missing.length === 3) return { kind: 'empty' };
  const [firstMissing] = missing;
  if (firstMissing) return problem(`${label} must include a ${missing.join(' and ')}`, firstMissing);
  if (!/^\d{4}$/.test(parts.year)) return problem('Year must include 4 numbers', 'year');
  const day = /^\d{1,2}$/.test(parts.day) ? Number(parts.day) : Number.NaN;
  const iso = tryIso(Number(parts.year), monthNumber(parts.month), day);
  return iso ? { kind: 'date', iso } : problem(`${label} must be a real date`);
}

export function readDateInput(fields: Fields | undefined, prefix: string, label: string): DateReading {
  return readDateParts(dateParts(fields, prefix), prefix, label);
}

/** The problem for a date that must be given but was left empty: "Enter the start date". */
export function requiredDate(prefix: string, label: string): DateProblem {
  return { field: prefix, anchor: `${prefix}-day`, message: `Enter the ${label.toLowerCase()}` };
}
