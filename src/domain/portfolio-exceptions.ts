// The exception report: across a portfolio, only what needs attention. Red ratings and worsened ratings in the
// chosen period, milestones that slipped (still open and overdue, or re-dated to a later deadline than first
// agreed) and KPIs off trajectory. Pure: the service loads the rows and judges the KPIs, this picks and orders.
import { daysBetween } from './iso-days.ts';
import type { DueWindow, IsoDate, MilestoneStatus, Rag } from './types.ts';
import type { GridRow, SeenRating } from './portfolio.ts';

export interface ExceptionPlace {
  organisationName: string;
  planId: number;
  planTitle: string;
  commitmentNumber: number;
  commitmentTitle: string;
}

export interface RatingException extends ExceptionPlace {
  rating: SeenRating;
  previous: Rag | null;
}

export interface SlippedMilestoneInput extends ExceptionPlace {
  milestoneId: number;
  text: string;
  due: DueWindow | null;
  baseline: DueWindow | null;
  status: MilestoneStatus;
}

export interface SlippedMilestone extends SlippedMilestoneInput {
  due: DueWindow;
  overdueDays: number;
  /** Days the deadline moved later than first agreed (0: never re-dated later). */
  slippedDays: number;
}

export interface OffTrackKpi extends ExceptionPlace {
  kpiId: number;
  text: string;
  reason: string;
}

export interface ExceptionReport {
  periodLabel: string | null;
  asAt: IsoDate;
  reds: RatingException[];
  worsened: RatingException[];
  slipped: SlippedMilestone[];
  offTrack: OffTrackKpi[];
}

const placeOrder = (a: ExceptionPlace, b: ExceptionPlace): number =>
  a.organisationName.localeCompare(b.organisationName, 'en-GB') || a.planTitle.localeCompare(b.planTitle, 'en-GB') || a.commitmentNumber - b.commitmentNumber;

/** Red ratings and worsened ratings of the grid's rows, by organisation then commitment. */
export function ratingExceptions(rows: readonly GridRow[]): { reds: RatingException[]; worsened: RatingException[] } {
  const reds: RatingException[] = [];
  const worsened: RatingException[] = [];
  for (const r of rows) {
    const plan = r.plan;
    if (plan === null) continue;
    for (const c of r.cells) {
      if (c.rating === null) continue;
      const red = c.rating.rag === 'red';
      const worse = c.change === 'worse';
      if (!red && !worse) continue;
      const exception: RatingException = {
        organisationName: r.organisationName,
        planId: plan.id,
        planTitle: plan.title,
        commitmentNumber: c.number,
        commitmentTitle: c.title,
        rating: c.rating,
        previous: c.previous,
      };
      if (red) reds.push(exception);
      if (worse) worsened.push(exception);
    }
  }
  return { reds: reds.sort(placeOrder), worsened: worsened.sort(placeOrder) };
}

/**
 * Open milestones that are overdue on `today` or whose deadline was moved later than first agreed, the most
 * overdue first, then the most slipped.
 */
export function slippedMilestones(list: readonly SlippedMilestoneInput[], today: IsoDate): SlippedMilestone[] {
  // Days from today to a date, worked out once per date: a portfolio's milestones share a few hundred deadlines.
  const fromToday = new Map<IsoDate, number>();
  const daysTo = (date: IsoDate): number => {
    let days = fromToday.get(date);
    if (days === undefined) fromToday.set(date, (days = daysBetween(today, date)));
    return days;
  };
  const out: SlippedMilestone[] = [];
  for (const m of list) {
    if (m.status === 'done' || m.status === 'dropped' || m.due === null) continue;
    const overdueDays = m.due.to < today ? -daysTo(m.due.to) : 0;
    const slippedDays = m.baseline && m.due.to > m.baseline.to ? daysTo(m.due.to) - daysTo(m.baseline.to) : 0;
    if (!(overdueDays > 0 || slippedDays > 0)) continue;
    // Written out field by field: a spread with fields added after it is many times slower in V8, at thousands of rows.
    out.push({
      organisationName: m.organisationName,
      planId: m.planId,
      planTitle: m.planTitle,
      commitmentNumber: m.commitmentNumber,
      commitmentTitle: m.commitmentTitle,
      milestoneId: m.milestoneId,
      text: m.text,
      status: m.status,
      due: m.due,
      baseline: m.baseline,
      overdueDays,
      slippedDays,
    });
  }
  return out.sort((a, b) => b.overdueDays - a.overdueDays || b.slippedDays - a.slippedDays || placeOrder(a, b));
}
