// Review periods of a plan: the quarters (or months, or halves) of its financial years in which the
// reviewer writes progress updates. Periods follow the financial calendar and are not clipped to the plan.
import type { DueWindow, IsoDate, ReviewCadence } from './types.ts';
import {
  DEFAULT_FY_START_MONTH,
  MONTH_NAMES,
  addDays,
  financialYearLabel,
  financialYearOf,
  financialYearPart,
  parseIso,
} from './dates/index.ts';

export interface ReviewPeriod {
  /** "2019/20 Q1", "2019/20 M1 (April 2019)", "2019/20 H1"; "2020 Q1" when the financial year starts in January. */
  label: string;
  from: IsoDate;
  to: IsoDate;
  /** When the update for the period is due: `dueAfterDays` after it ends. */
  due: IsoDate;
}

const MONTHS_PER_PERIOD: Record<ReviewCadence, number> = { monthly: 1, quarterly: 3, 'six-monthly': 6 };
const LETTER: Record<ReviewCadence, string> = { monthly: 'M', quarterly: 'Q', 'six-monthly': 'H' };

function periodAt(
  fyStart: number,
  index: number,
  cadence: ReviewCadence,
  fyStartMonth: number,
  dueAfterDays: number,
): ReviewPeriod {
  const months = MONTHS_PER_PERIOD[cadence];
  const w = financialYearPart(fyStart, index * months, months, fyStartMonth);
  let label = `${financialYearLabel(fyStart, fyStartMonth)} ${LETTER[cadence]}${index + 1}`;
  if (cadence === 'monthly') {
    const { year, month } = parseIso(w.from);
    label += ` (${MONTH_NAMES[month - 1]} ${year})`;
  }
  return { label, from: w.from, to: w.to, due: addDays(w.to, dueAfterDays) };
}

/** Which period of its financial year a date falls in: 0 for Q1/M1/H1. */
function indexInYear(date: IsoDate, cadence: ReviewCadence, fyStartMonth: number): number {
  const monthsIn = (parseIso(date).month - fyStartMonth + 12) % 12;
  return Math.floor(monthsIn / MONTHS_PER_PERIOD[cadence]);
}

/** The review period of the given cadence that contains `date`. */
export function periodContaining(
  date: IsoDate,
  cadence: ReviewCadence,
  fyStartMonth = DEFAULT_FY_START_MONTH,
  dueAfterDays = 14,
): ReviewPeriod {
  const fyStart = financialYearOf(date, fyStartMonth);
  return periodAt(fyStart, indexInYear(date, cadence, fyStartMonth), cadence, fyStartMonth, dueAfterDays);
}

/** Every review period from the one containing the plan's start to the one containing its end. */
export function reviewPeriods(
  period: DueWindow,
  cadence: ReviewCadence,
  fyStartMonth = DEFAULT_FY_START_MONTH,
  dueAfterDays = 14,
): ReviewPeriod[] {
  if (period.from > period.to) return [];
  const perYear = 12 / MONTHS_PER_PERIOD[cadence];
  const first = periodContaining(period.from, cadence, fyStartMonth, dueAfterDays);
  let fyStart = financialYearOf(first.from, fyStartMonth);
  let index = indexInYear(first.from, cadence, fyStartMonth);
  const out: ReviewPeriod[] = [];
  for (let p = first; p.from <= period.to; p = periodAt(fyStart, index, cadence, fyStartMonth, dueAfterDays)) {
    out.push(p);
    index += 1;
    if (index === perYear) {
      index = 0;
      fyStart += 1;
    }
  }
  return out;
}
