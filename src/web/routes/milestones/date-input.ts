// Reads a GOV.UK date input (day, month and year boxes named `<prefix>-day`, `-month`, `-year`) into an ISO date,
// with the GOV.UK pattern's error messages.
import type { FieldError } from '../../form-errors.ts';

export type Fields = Record<string, string>;

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DateInputResult = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'error'; error: FieldError };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function dateParts(fields: Fields, prefix: string): DateParts {
  return {
    day: (fields[`${prefix}-day`] ?? '').trim(),
    month: (fields[`${prefix}-month`] ?? '').trim(),
    year: (fields[`${prefix}-year`] ?? '').trim(),
  };
}

/** The parts as an ISO date's boxes would show it ("2019-06-30" → 30, 6, 2019). */
export function partsOf(iso: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] ?? '' } : { day: '', month: '', year: '' };
}

function monthNumber(text: string): number {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const index = MONTHS.indexOf(text.slice(0, 3).toLowerCase());
  return index < 0 ? NaN : index + 1;
}

/** `label` starts the messages: "Date done must include a month". */
export function readDateInput(fields: Fields, prefix: string, label: string): DateInputResult {
  const { day, month, year } = dateParts(fields, prefix);
  if (!day && !month && !year) return { kind: 'empty' };
  const missing = (['day', 'month', 'year'] as const).filter((p) => !{ day, month, year }[p]);
  const first = missing[0];
  if (first) {
    return { kind: 'error', error: { field: `${prefix}-${first}`, message: `${label} must include a ${missing.join(' and ')}` } };
  }
  if (!/^\d{4}$/.test(year)) return { kind: 'error', error: { field: `${prefix}-year`, message: 'Year must include 4 numbers' } };
  const d = /^\d{1,2}$/.test(day) ? Number(day) : NaN;
  const m = monthNumber(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!Number.isInteger(d) || !Number.isInteger(m) || date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) {
    return { kind: 'error', error: { field: `${prefix}-day`, message: `${label} must be a real date` } };
  }
  return { kind: 'date', iso: date.toISOString().slice(0, 10) };
}

/** Today in the service's time zone (the UK), as an ISO date. */
export function todayIso(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
