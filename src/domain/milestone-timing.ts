// Where a milestone stands against today. The deadline is the due window's `to`.
// - 'done' / 'dropped'  by status, whatever the dates;
// - 'undated'           no due window;
// - 'overdue'           deadline before today;
// - 'due-soon'          deadline today or within the next N days (default 30);
// - 'upcoming'          deadline later than that.
import { addDays, daysBetween } from './iso-days.ts';
import type { DueWindow, IsoDate, MilestoneStatus } from './types.ts';

export interface TimedMilestone {
  due: DueWindow | null;
  status: MilestoneStatus;
  doneOn?: IsoDate | null;
}

export type MilestoneTiming = 'done' | 'dropped' | 'overdue' | 'due-soon' | 'upcoming' | 'undated';

export const DEFAULT_SOON_DAYS = 30;

/** True while a milestone still has to be delivered (not done, not dropped). */
export function isOpen(m: TimedMilestone): boolean {
  return m.status !== 'done' && m.status !== 'dropped';
}

export function milestoneTiming(m: TimedMilestone, today: IsoDate, soonDays = DEFAULT_SOON_DAYS): MilestoneTiming {
  if (m.status === 'done') return 'done';
  if (m.status === 'dropped') return 'dropped';
  if (!m.due) return 'undated';
  if (m.due.to < today) return 'overdue';
  if (m.due.to <= addDays(today, soonDays)) return 'due-soon';
  return 'upcoming';
}

/** Days past the deadline of an open milestone; 0 when it is not overdue. */
export function daysOverdue(m: TimedMilestone, today: IsoDate): number {
  if (!isOpen(m) || !m.due) return 0;
  return Math.max(0, daysBetween(m.due.to, today));
}

function byDeadline<T extends TimedMilestone>(a: T, b: T): number {
  const x = a.due?.to ?? '';
  const y = b.due?.to ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Open milestones past their deadline, the longest overdue first. */
export function overdueMilestones<T extends TimedMilestone>(list: readonly T[], today: IsoDate): T[] {
  return list.filter((m) => milestoneTiming(m, today) === 'overdue').sort(byDeadline);
}

/** Open milestones due today or within the next `days` days, soonest first. */
export function milestonesDueWithin<T extends TimedMilestone>(
  list: readonly T[],
  today: IsoDate,
  days = DEFAULT_SOON_DAYS,
): T[] {
  return list.filter((m) => milestoneTiming(m, today, days) === 'due-soon').sort(byDeadline);
}

/** The open milestone with the earliest deadline on or after today, or null (overdue ones are not "next"). */
export function nextMilestone<T extends TimedMilestone>(list: readonly T[], today: IsoDate): T | null {
  const ahead = list.filter((m) => isOpen(m) && m.due !== null && m.due.to >= today).sort(byDeadline);
  return ahead[0] ?? null;
}
