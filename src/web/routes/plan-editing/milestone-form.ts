// The new-milestone form: the milestone as written, and its due date as a date or as people write it
// ("by April/May 2019"), read by the domain date rules and shown back as what it was read as.
import { readDatePhrase } from '../../../domain/dates/index.ts';
import type { DueWindow, Recurrence } from '../../../domain/types.ts';
import type { PlanRecord } from '../../../domain/records.ts';
import type { NewMilestone } from '../../../services/plan-service.ts';
import { formatDate } from '../../format.ts';
import { dateParts, partsOf, readDateParts, requiredDate, type DateParts } from '../../date-input.ts';
import { choiceField, formSchema, textField } from '../../validation.ts';
import { longText, text, type Form, type Problem } from './form-input.ts';

/** The new-milestone form: the milestone has the same limit here as where it is changed. */
export const MILESTONE_FORM = formSchema({
  text: textField('Milestone', 'statement'),
  dueType: choiceField('How the due date is given', 20),
  'due-day': choiceField('Due date day', 20),
  'due-month': choiceField('Due date month', 20),
  'due-year': choiceField('Due date year', 20),
  duePhrase: textField('When the milestone is due', 'name'),
  step: choiceField('Step', 20),
});

export interface MilestoneFormValues {
  text: string;
  dueType: string;
  due: DateParts;
  duePhrase: string;
}

export interface ReadMilestone {
  milestone: NewMilestone;
  /** What a written due date was read as, and the date rules' warnings about it; null for a date input. */
  reading: { readAs: string; warnings: string[] } | null;
}

const RECURRENCE_TEXT: Record<Recurrence, string> = {
  monthly: 'every month',
  quarterly: 'every quarter',
  'six-monthly': 'every 6 months',
  annually: 'every year',
};

export function emptyMilestoneValues(): MilestoneFormValues {
  return { text: '', dueType: '', due: partsOf(null), duePhrase: '' };
}

export function postedMilestoneValues(form: Form | undefined): MilestoneFormValues {
  return { text: longText(form, 'text'), dueType: text(form, 'dueType'), due: dateParts(form, 'due'), duePhrase: text(form, 'duePhrase') };
}

/** "1 April 2019 to 31 May 2019", "15 May 2019", with "repeating every quarter" when it recurs. */
export function describeDue(due: DueWindow | null, recurrence: Recurrence | null): string {
  const when = due ? (due.from === due.to ? formatDate(due.from) : `${formatDate(due.from)} to ${formatDate(due.to)}`) : '';
  const repeats = recurrence ? RECURRENCE_TEXT[recurrence] : '';
  if (when && repeats) return `${when}, repeating ${repeats}`;
  return when || (repeats ? `Repeats ${repeats}` : 'No due date');
}

export function readMilestoneForm(values: MilestoneFormValues, plan: PlanRecord): ReadMilestone | { problems: Problem[] } {
  const problems: Problem[] = [];
  // Too long a milestone is the schema's complaint (MILESTONE_FORM).
  if (values.text === '') problems.push({ field: 'text', message: 'Enter the milestone' });

  let result: ReadMilestone | null = null;
  if (values.dueType === 'date') {
    const read = readDateParts(values.due, 'due', 'Due date');
    if (read.kind === 'empty') problems.push(requiredDate('due', 'Due date'));
    else if (read.kind === 'error') problems.push(read.problem);
    else result = { milestone: { text: values.text, due: { from: read.iso, to: read.iso } }, reading: null };
  } else if (values.dueType === 'phrase') {
    if (values.duePhrase === '') {
      problems.push({ field: 'duePhrase', message: 'Enter when the milestone is due, like by April/May 2019' });
    } else {
      const reading = readDatePhrase(values.duePhrase, { period: plan.period, fyStartMonth: plan.fyStartMonth });
      if (!reading.due && !reading.recurrence) {
        problems.push({
          field: 'duePhrase',
          message: `No date could be read from “${values.duePhrase}”: write it like 31 May 2019 or by April/May 2019, or give the date as day, month and year`,
        });
      } else {
        result = {
          milestone: { text: values.text, due: reading.due, recurrence: reading.recurrence },
          reading: { readAs: describeDue(reading.due, reading.recurrence), warnings: reading.warnings },
        };
      }
    }
  } else if (values.dueType === 'none') {
    result = { milestone: { text: values.text, due: null }, reading: null };
  } else {
    problems.push({ field: 'dueType', message: 'Select how you want to give the due date' });
  }
  if (problems.length > 0 || !result) return { problems };
  return result;
}
