// The plan settings form (create and edit): title, financial-year start month, period (a financial year or two
// dates), review cadence and status.
import { MONTH_NAMES, financialYearWindow, parseFinancialYearTitle } from '../../../domain/dates/index.ts';
import type { PlanStatus, ReviewCadence } from '../../../domain/types.ts';
import type { NewPlan } from '../../../store/plans-repository.ts';
import type { PlanRecord } from '../../../store/records.ts';
import { dateParts, partsOf, readDate, type DateParts } from './date-input.ts';
import { text, type Form, type Problem } from './form-input.ts';

export const PLAN_FIELDS = [
  'title', 'fyStartMonth', 'periodType', 'fyYear',
  'periodFrom-day', 'periodFrom-month', 'periodFrom-year', 'periodTo-day', 'periodTo-month', 'periodTo-year',
  'reviewCadence', 'status',
] as const;

export interface PlanFormValues {
  title: string;
  fyStartMonth: string;
  periodType: string;
  fyYear: string;
  periodFrom: DateParts;
  periodTo: DateParts;
  reviewCadence: string;
  status: string;
}

const CADENCES: readonly ReviewCadence[] = ['quarterly', 'monthly', 'six-monthly'];
const MAX_TITLE = 200;

export function newPlanValues(): PlanFormValues {
  const empty = partsOf(null);
  return {
    title: '', fyStartMonth: '4', periodType: 'financial-year', fyYear: '',
    periodFrom: empty, periodTo: empty, reviewCadence: 'quarterly', status: 'draft',
  };
}

/** The stored settings as the form shows them: a period that is exactly one financial year as that year. */
export function planValues(plan: PlanRecord): PlanFormValues {
  const values: PlanFormValues = {
    ...newPlanValues(),
    title: plan.title,
    fyStartMonth: String(plan.fyStartMonth),
    reviewCadence: plan.reviewCadence,
    status: plan.status,
  };
  const period = plan.period;
  if (!period) return values;
  const startYear = Number(period.from.slice(0, 4));
  const fy = financialYearWindow(startYear, plan.fyStartMonth);
  if (fy.from === period.from && fy.to === period.to) return { ...values, fyYear: String(startYear) };
  return { ...values, periodType: 'dates', periodFrom: partsOf(period.from), periodTo: partsOf(period.to) };
}

export function postedPlanValues(form: Form | undefined): PlanFormValues {
  return {
    title: text(form, 'title'),
    fyStartMonth: text(form, 'fyStartMonth'),
    periodType: text(form, 'periodType'),
    fyYear: text(form, 'fyYear'),
    periodFrom: dateParts(form, 'periodFrom'),
    periodTo: dateParts(form, 'periodTo'),
    reviewCadence: text(form, 'reviewCadence'),
    status: text(form, 'status'),
  };
}

export function statusesFor(editing: boolean): PlanStatus[] {
  return editing ? ['draft', 'active', 'closed'] : ['draft', 'active'];
}

function readPeriod(values: PlanFormValues, title: string, fyStartMonth: number | null, problems: Problem[]): NewPlan['period'] {
  if (values.periodType === 'financial-year') {
    if (fyStartMonth === null) return null;
    if (values.fyYear === '') {
      const named = parseFinancialYearTitle(title, fyStartMonth);
      if (!named) problems.push({ field: 'fyYear', message: 'Enter the year the financial year starts in, like 2019' });
      return named;
    }
    const year = /^\d{4}$/.test(values.fyYear) ? Number(values.fyYear) : Number.NaN;
    if (!(year >= 1990 && year <= 2100)) {
      problems.push({ field: 'fyYear', message: 'Enter the year as 4 numbers between 1990 and 2100, like 2019' });
      return null;
    }
    return financialYearWindow(year, fyStartMonth);
  }
  if (values.periodType === 'dates') {
    const from = readDate(values.periodFrom, 'periodFrom', 'Start date');
    const to = readDate(values.periodTo, 'periodTo', 'End date');
    if ('problem' in from) problems.push(from.problem);
    if ('problem' in to) problems.push(to.problem);
    if (!('date' in from) || !('date' in to)) return null;
    if (to.date <= from.date) {
      problems.push({ field: 'periodTo', anchor: 'periodTo-day', message: 'End date must be after the start date' });
      return null;
    }
    return { from: from.date, to: to.date };
  }
  problems.push({ field: 'periodType', message: 'Select how you want to give the plan’s period' });
  return null;
}

/** The settings the form gives, or every problem with it. */
export function readPlanForm(values: PlanFormValues, editing: boolean): { settings: NewPlan } | { problems: Problem[] } {
  const problems: Problem[] = [];
  if (values.title === '') problems.push({ field: 'title', message: 'Enter a title for the plan' });
  else if (values.title.length > MAX_TITLE) problems.push({ field: 'title', message: `Plan title must be ${MAX_TITLE} characters or fewer` });

  const month = /^\d{1,2}$/.test(values.fyStartMonth) ? Number(values.fyStartMonth) : Number.NaN;
  const fyStartMonth = month >= 1 && month <= 12 ? month : null;
  if (fyStartMonth === null) problems.push({ field: 'fyStartMonth', message: 'Select the month the financial year starts in' });

  const period = readPeriod(values, values.title, fyStartMonth, problems);

  const reviewCadence = CADENCES.find((c) => c === values.reviewCadence);
  if (!reviewCadence) problems.push({ field: 'reviewCadence', message: 'Select how often progress is reviewed' });
  const status = statusesFor(editing).find((s) => s === values.status);
  if (!status) problems.push({ field: 'status', message: 'Select the plan’s status' });

  if (problems.length > 0 || !fyStartMonth || !reviewCadence || !status) return { problems };
  return { settings: { title: values.title, period, status, reviewCadence, fyStartMonth } };
}

/** The month options, the chosen one selected. */
export function monthOptions(selected: string) {
  return MONTH_NAMES.map((name, i) => ({ value: String(i + 1), text: name, selected: String(i + 1) === selected }));
}
