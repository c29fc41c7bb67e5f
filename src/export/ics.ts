// Milestone due dates as an iCalendar file: one all-day event on each deadline (the due window's `to`);
// a recurring milestone as one event repeating on the last day of every 1, 3, 6 or 12 months from its first
// occurrence inside the plan period (or its own window), as src/domain/recurrence.ts counts them.
// UIDs are stable ("milestone-<id>@improvement-tracker"), so a subscribed calendar updates events in place.
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { addDays, parseIso } from '../domain/dates/index.ts';
import { occurrences } from '../domain/recurrence.ts';
import type { DueWindow, IsoDate, Recurrence } from '../domain/types.ts';
import type { CommitmentDetail, MilestoneRecord } from '../domain/records.ts';
import { numberedTitle, type ExportPlan } from './export-plan.ts';
import { statusWords, windowText } from './milestone-notes.ts';
import { planHeading } from './plan-heading.ts';

const MONTHS: Record<Recurrence, number> = { monthly: 1, quarterly: 3, 'six-monthly': 6, annually: 12 };

export const PRODUCT_ID = 'improvement-tracker/ics';

export function milestoneUid(milestoneId: number): string {
  return `milestone-${milestoneId}@improvement-tracker`;
}

function dateArray(date: IsoDate): DateArray {
  const { year, month, day } = parseIso(date);
  return [year, month, day];
}

/** The first of the financial year's start month, which recurring milestones count their blocks from. */
function anchorOf(plan: ExportPlan, window: DueWindow): IsoDate {
  const { year } = parseIso(window.from);
  return `${year}-${String(plan.fyStartMonth).padStart(2, '0')}-01`;
}

/** When and how a milestone repeats: its first deadline and the RRULE, or null when it has no date at all. */
export function recurrenceOf(plan: ExportPlan, m: MilestoneRecord): { first: IsoDate; count: number; rule: string } | null {
  if (!m.recurrence) return null;
  const window = m.due ?? plan.period;
  if (!window) return null;
  const found = occurrences(m.recurrence, window, anchorOf(plan, window));
  const first = found[0];
  if (!first) return null;
  return { first: first.to, count: found.length, rule: `FREQ=MONTHLY;INTERVAL=${MONTHS[m.recurrence]};BYMONTHDAY=-1;COUNT=${found.length}` };
}

function event(plan: ExportPlan, c: CommitmentDetail, m: MilestoneRecord): EventAttributes | null {
  const repeat = recurrenceOf(plan, m);
  const day = repeat?.first ?? m.due?.to;
  if (!day) return null;
  const lines = [
    `Commitment ${numberedTitle(c)}`,
    repeat ? `Repeats ${m.recurrence ?? ''}` : `Due: ${windowText(m.due)}`,
    `Status: ${statusWords(m.status)}${m.doneOn ? ` (${windowText({ from: m.doneOn, to: m.doneOn })})` : ''}`,
    `Plan: ${planHeading(plan)}`,
  ];
  return {
    uid: milestoneUid(m.id),
    title: m.text,
    description: lines.join('\n'),
    start: dateArray(day),
    end: dateArray(addDays(day, 1)),
    status: m.status === 'dropped' ? 'CANCELLED' : 'CONFIRMED',
    transp: 'TRANSPARENT',
    categories: [`Commitment ${c.number}`],
    ...(repeat && { recurrenceRule: repeat.rule }),
  };
}

/** The plan's milestone calendar as iCalendar text. Undated, non-recurring milestones are left out. */
export function exportPlanIcs(plan: ExportPlan): string {
  const events = plan.commitments.flatMap((c) => c.milestones.flatMap((m) => event(plan, c, m) ?? []));
  const header = { productId: PRODUCT_ID, calName: `${planHeading(plan)}: milestones` };
  if (events.length === 0) {
    // ics refuses an empty list; an empty calendar is still a valid feed.
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODUCT_ID}`, `X-WR-CALNAME:${header.calName}`, 'END:VCALENDAR', ''].join('\r\n');
  }
  const { error, value } = createEvents(events, header);
  if (error || value === null) throw error ?? new Error('The calendar could not be written');
  return value;
}
