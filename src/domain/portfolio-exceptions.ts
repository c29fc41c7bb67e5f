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
  const all = rows.flatMap((r) => {
    const plan = r.plan;
    return plan === null
      ? []
      : r.cells.flatMap((c) =>
          c.rating === null
            ? []
            : [{
                cell: c,
                exception: {
                  organisationName: r.organisationName,
                  planId: plan.id,
                  planTitle: plan.title,
                  commitmentNumber: c.number,
                  commitmentTitle: c.title,
                  rating: c.rating,
                  previous: c.previous,
                },
              }],
        );
  });
  return {
    reds: all.filter((x) => x.exception.rating.rag === 'red').map((x) => x.exception).sort(placeOrder),
    worsened: all.filter((x) => x.cell.change === 'worse').map((x) => x.exception).sort(placeOrder),
  };
}

/**
 * Open milestones that are overdue on `today` or whose deadline was moved later than first agreed, the most
 * overdue first, then the most slipped.
 */
export function slippedMilestones(list: readonly SlippedMilestoneInput[], today: IsoDate): SlippedMilestone[] {
  const out: SlippedMilestone[] = [];
  for (const m of list) {
    if (m.status === 'done' || m.status === 'dropped' || m.due === null) continue;
    const overdueDays = m.due.to < today ? daysBetween(m.due.to, today) : 0;
    const slippedDays = m.baseline && m.due.to > m.baseline.to ? daysBetween(m.baseline.to, m.due.to) : 0;
    if (overdueDays > 0 || slippedDays > 0) out.push({ ...m, due: m.due, overdueDays, slippedDays });
  }
  return out.sort((a, b) => b.overdueDays - a.overdueDays || b.slippedDays - a.slippedDays || placeOrder(a, b));
}
