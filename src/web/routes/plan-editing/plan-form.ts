// The plan settings form (create and edit): title, financial-year start month, period (a financial year or two
// dates), review cadence and status.
import { MONTH_NAMES, financialYearWindow, parseFinancialYearTitle } from '../../../domain/dates/index.ts';
import type { PlanStatus, ReviewCadence } from '../../../domain/types.ts';
import type { PlanRecord } from '../../../domain/records.ts';
import type { NewPlan } from '../../../services/plan-service.ts';
import { dateParts, partsOf, readDateParts, requiredDate, type DateParts } from '../../date-input.ts';
import { choiceField, formSchema, textField } from '../../validation.ts';
import { text, type Form, type Problem } from './form-input.ts';

const dateBoxes = (prefix: string, label: string) => ({
  [`${prefix}-day`]: choiceField(`${label} day`, 20),
  [`${prefix}-month`]: choiceField(`${label} month`, 20),
  [`${prefix}-year`]: choiceField(`${label} year`, 20),
});

/** The plan settings form, created or changed (the title has the same limit either way). */
export const PLAN_FORM = formSchema({
  title: textField('Plan title', 'name'),
  fyStartMonth: choiceField('Financial year starts (month)', 20),
  periodType: choiceField('Plan period', 20),
  fyYear: choiceField('Financial year', 20),
  ...dateBoxes('periodFrom', 'Start date'),
  ...dateBoxes('periodTo', 'End date'),
  reviewCadence: choiceField('Review cadence', 20),
  status: choiceField('Status', 20),
  version: choiceField('Version'),
  // 'yes' from the page that shows how a new cadence or financial-year start changes the review periods.
  confirmPeriods: choiceField('Confirm the review periods', 20),
});

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
    const from = readDateParts(values.periodFrom, 'periodFrom', 'Start date');
    const to = readDateParts(values.periodTo, 'periodTo', 'End date');
    if (from.kind === 'empty') problems.push(requiredDate('periodFrom', 'Start date'));
    if (from.kind === 'error') problems.push(from.problem);
    if (to.kind === 'empty') problems.push(requiredDate('periodTo', 'End date'));
    if (to.kind === 'error') problems.push(to.problem);
    if (from.kind !== 'date' || to.kind !== 'date') return null;
    if (to.iso <= from.iso) {
      problems.push({ field: 'periodTo', anchor: 'periodTo-day', message: 'End date must be after the start date' });
      return null;
    }
    return { from: from.iso, to: to.iso };
  }
  problems.push({ field: 'periodType', message: 'Select how you want to give the plan’s period' });
  return null;
}

/** The settings the form gives, or every problem with it. */
export function readPlanForm(values: PlanFormValues, editing: boolean): { settings: NewPlan } | { problems: Problem[] } {
  const problems: Problem[] = [];
  // Too long a title is the schema's complaint (PLAN_FORM).
  if (values.title === '') problems.push({ field: 'title', message: 'Enter a title for the plan' });

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
