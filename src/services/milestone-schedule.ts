// When a milestone falls due, for the overview and the timeline. A dated milestone has its due window; a
// recurring one ("Quarterly Sponsor visits") has one occurrence per block inside its own window or, when it has
// none, the plan period (blocks aligned to the plan's financial year); a milestone with neither is undated.
//
// There is one status per milestone, not per occurrence, so a recurring milestone is judged by its current
// occurrence: the next one on or after today, or the last one once all have passed. Earlier occurrences have
// simply passed: they are not counted as overdue.
import { milestoneTiming, type MilestoneTiming } from '../domain/milestone-timing.ts';
import { occurrences } from '../domain/recurrence.ts';
import { daysBetween } from '../domain/iso-days.ts';
import type { DueWindow, IsoDate } from '../domain/types.ts';
import type { MilestoneRecord, PlanRecord } from '../domain/records.ts';

/** A milestone as the overview and the timeline list it: which commitment it is under, and when it falls due. */
export interface ScheduledMilestone {
  milestoneId: number;
  commitmentId: number;
  commitmentNumber: number;
  commitmentTitle: string;
  text: string;
  due: DueWindow;
}

type PlanDates = Pick<PlanRecord, 'period' | 'fyStartMonth'>;

/** A date in the financial year's first month: all `occurrences` needs of its anchor is the month. */
function anchorOf(plan: PlanDates): IsoDate {
  return `2000-${String(plan.fyStartMonth).padStart(2, '0')}-01`;
}

/** Every due window of the milestone: one for a dated milestone, one per occurrence for a recurring one. */
export function scheduledWindows(m: MilestoneRecord, plan: PlanDates): DueWindow[] {
  if (m.recurrence) {
    const window = m.due ?? plan.period;
    return window ? occurrences(m.recurrence, window, anchorOf(plan)) : [];
  }
  return m.due ? [m.due] : [];
}

/** The window the milestone is judged by today (see above), or null when it has no date. */
export function currentDue(m: MilestoneRecord, plan: PlanDates, today: IsoDate): DueWindow | null {
  const windows = scheduledWindows(m, plan);
  return windows.find((w) => w.to >= today) ?? windows[windows.length - 1] ?? null;
}

/** Where the milestone stands today, judged by its current window. */
export function currentTiming(m: MilestoneRecord, plan: PlanDates, today: IsoDate, soonDays?: number): MilestoneTiming {
  return milestoneTiming({ status: m.status, due: currentDue(m, plan, today) }, today, soonDays);
}

/** Whole days from today to the deadline (negative once it has passed). */
export function daysUntil(deadline: IsoDate, today: IsoDate): number {
  return daysBetween(today, deadline);
}
