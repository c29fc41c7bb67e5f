// The plan's title as the exports print it: "<plan title> – <financial year>", so that a re-import of the Word
// export reads the same plan period from it. A title that already names the financial year is left alone.
import { financialYearLabel, financialYearOf, parseFinancialYearTitle } from '../domain/dates/index.ts';
import type { PlanRecord } from '../domain/records.ts';

/** "2019/20", "2019/20 to 2020/21", or null for a plan without a period. */
export function financialYearsText(plan: Pick<PlanRecord, 'period' | 'fyStartMonth'>): string | null {
  if (!plan.period) return null;
  const first = financialYearOf(plan.period.from, plan.fyStartMonth);
  const last = financialYearOf(plan.period.to, plan.fyStartMonth);
  const a = financialYearLabel(first, plan.fyStartMonth);
  return first === last ? a : `${a} to ${financialYearLabel(last, plan.fyStartMonth)}`;
}

export function planHeading(plan: Pick<PlanRecord, 'title' | 'period' | 'fyStartMonth'>): string {
  const years = financialYearsText(plan);
  const title = plan.title.trim();
  if (!years || parseFinancialYearTitle(title, plan.fyStartMonth) !== null) return title;
  return `${title} – ${years}`;
}
