// Which financial year a plan covers: named in its title, or else where most of its dated milestones fall.
import type { DueWindow } from '../types.ts';
import {
  DEFAULT_FY_START_MONTH,
  financialYearOf,
  financialYearWindow,
  parseFinancialYearTitle,
} from './financial-year.ts';
import { readDatePhrase } from './phrase-reader.ts';

export interface PlanPeriodInput {
  /** Headings, paragraphs before the table, the document's title property. Never the file name. */
  titleTexts: string[];
  milestoneTexts: string[];
}

/** A title giving the months of exactly one financial year: "Improvement Plan April 2019 – March 2020". */
function spelledOutFinancialYear(title: string, fyStartMonth: number): DueWindow | null {
  const due = readDatePhrase(title, { period: null, fyStartMonth }).due;
  if (!due) return null;
  const fy = financialYearWindow(financialYearOf(due.from, fyStartMonth), fyStartMonth);
  return fy.from === due.from && fy.to === due.to ? fy : null;
}

/**
 * The plan period: the first title text naming a financial year ("2019/20", "2019-20", "2019/2020", or its
 * months "April 2019 – March 2020");
 * otherwise the financial year in which most dated milestones fall (each milestone counted once, by its
 * deadline, and only when its year is written; a tie goes to the later year). Null when nothing tells.
 */
export function inferPlanPeriod(input: PlanPeriodInput, fyStartMonth = DEFAULT_FY_START_MONTH): DueWindow | null {
  for (const title of input.titleTexts) {
    const named = parseFinancialYearTitle(title, fyStartMonth) ?? spelledOutFinancialYear(title, fyStartMonth);
    if (named) return named;
  }
  const counts = new Map<number, number>();
  for (const text of input.milestoneTexts) {
    const written = readDatePhrase(text, { period: null, fyStartMonth }).matches.filter((m) => m.yearWritten);
    if (written.length === 0) continue;
    const deadline = written.reduce((latest, m) => (m.due.to > latest ? m.due.to : latest), written[0]?.due.to ?? '');
    const fy = financialYearOf(deadline, fyStartMonth);
    counts.set(fy, (counts.get(fy) ?? 0) + 1);
  }
  let best: { fy: number; n: number } | null = null;
  for (const [fy, n] of counts) {
    if (!best || n > best.n || (n === best.n && fy > best.fy)) best = { fy, n };
  }
  return best ? financialYearWindow(best.fy, fyStartMonth) : null;
}
