// The GOV.UK date input: day, month and year fields named `<prefix>-day`, `<prefix>-month`, `<prefix>-year`,
// read into an ISO date with the error messages of the GOV.UK design system.
import { MONTH_NAMES, tryIso } from '../../../domain/dates/index.ts';
import type { IsoDate } from '../../../domain/types.ts';
import { text, type Form, type Problem } from './form-input.ts';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

const PARTS = ['day', 'month', 'year'] as const;

export function dateParts(form: Form | undefined, prefix: string): DateParts {
  return { day: text(form, `${prefix}-day`), month: text(form, `${prefix}-month`), year: text(form, `${prefix}-year`) };
}

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

/**
 * The date the parts give, or the problem with them. `label` names the date in messages ("Start date");
 * `field` is the prefix, so the error summary links to the first part that needs fixing.
 */
export function readDate(parts: DateParts, field: string, label: string): { date: IsoDate } | { problem: Problem } {
  const missing = PARTS.filter((p) => parts[p] === '');
  const problem = (message: string, part: (typeof PARTS)[number] = 'day'): { problem: Problem } => ({
    problem: { field, anchor: `${field}-${part}`, message },
  });
  if (missing.length === 3) return problem(`Enter the ${label.toLowerCase()}`);
  const [firstMissing] = missing;
  if (firstMissing) return problem(`${label} must include a ${missing.join(' and ')}`, firstMissing);
  if (!/^\d{4}$/.test(parts.year)) return problem('Year must include 4 numbers', 'year');
  const day = /^\d{1,2}$/.test(parts.day) ? Number(parts.day) : Number.NaN;
  const iso = tryIso(Number(parts.year), monthNumber(parts.month), day);
  return iso ? { date: iso } : problem(`${label} must be a real date`);
}
