// A due date entered either in the GOV.UK date input (`due-day`, `due-month`, `due-year`) or in words
// (`duePhrase`, read by the domain's date rules within the plan period). Words are shown back as what they
// were read as, and accepted once the same words come back with `phraseChecked` (the "check" step).
import type { DueWindow } from '../../../domain/types.ts';
import { formatLong, readDatePhrase } from '../../../domain/dates/index.ts';
import type { FieldError } from '../../form-errors.ts';
import { readDateInput, type Fields } from '../../date-input.ts';
import { dateError } from '../commitments/form-problems.ts';

export interface PlanDates {
  period: DueWindow | null;
  fyStartMonth: number;
}

export type DueEntry =
  | { kind: 'empty' }
  | { kind: 'due'; due: DueWindow }
  | { kind: 'check'; phrase: string; due: DueWindow; readAs: string; warnings: string[] }
  | { kind: 'error'; errors: FieldError[] };

/** "15 May 2019", or "1 April 2019 to 31 May 2019" for a window. */
export function formatDue(due: DueWindow | null | undefined): string {
  if (!due) return 'No date';
  return due.from === due.to ? formatLong(due.to) : `${formatLong(due.from)} to ${formatLong(due.to)}`;
}

export function readDueEntry(fields: Fields, plan: PlanDates, label = 'Due date'): DueEntry {
  const date = readDateInput(fields, 'due', label);
  const phrase = (fields.duePhrase ?? '').trim();
  if (date.kind !== 'empty' && phrase) {
    return { kind: 'error', errors: [{ field: 'duePhrase', message: 'Enter the date in the boxes or in words, not both' }] };
  }
  if (date.kind === 'error') return { kind: 'error', errors: [dateError(date.problem)] };
  if (date.kind === 'date') return { kind: 'due', due: { from: date.iso, to: date.iso } };
  if (!phrase) return { kind: 'empty' };
  if (phrase.length > 200) return { kind: 'error', errors: [{ field: 'duePhrase', message: 'Date in words must be 200 characters or fewer' }] };
  const reading = readDatePhrase(phrase, { period: plan.period, fyStartMonth: plan.fyStartMonth });
  if (!reading.due) {
    return {
      kind: 'error',
      errors: [{ field: 'duePhrase', message: `No date could be read in “${phrase}”: enter the date in the boxes, or words such as “end of June 2019”` }],
    };
  }
  if ((fields.phraseChecked ?? '').trim() === phrase) return { kind: 'due', due: reading.due };
  return { kind: 'check', phrase, due: reading.due, readAs: formatDue(reading.due), warnings: reading.warnings };
}
