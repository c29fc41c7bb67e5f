// The plan's timeline: every dated milestone, and each occurrence of a recurring one, by commitment, with where
// it stands today; the span of dates it covers (the plan period, widened to every milestone); undated milestones
// apart. The page draws it and lists the same entries in a table.
import { pageAsAt } from '../domain/as-at.ts';
import type { Kysely } from 'kysely';
import { DEFAULT_SOON_DAYS, milestoneTiming } from '../domain/milestone-timing.ts';
import { maxDate, minDate } from '../domain/iso-days.ts';
import type { DueWindow, IsoDate, MilestoneStatus, Recurrence } from '../domain/types.ts';
import type { Database } from '../store/schema.ts';
import type { MilestoneRecord, PlanDetail, PlanRecord } from '../store/records.ts';
import { getPlan } from '../store/plans-repository.ts';
import { getOrganisation } from '../store/organisations-repository.ts';
import { can, type CurrentUser } from './accounts.ts';
import { currentDue, daysUntil, scheduledWindows, type ScheduledMilestone } from './milestone-schedule.ts';

type Db = Kysely<Database>;

/** 'passed': an earlier occurrence of a recurring milestone that is still running (not judged on its own). */
export type TimelineState = 'done' | 'dropped' | 'overdue' | 'due-soon' | 'upcoming' | 'passed';

export interface TimelineEntry extends ScheduledMilestone {
  /** For a recurring milestone: which occurrence this is. */
  occurrence: { index: number; count: number; recurrence: Recurrence } | null;
  state: TimelineState;
  status: MilestoneStatus;
  doneOn: IsoDate | null;
  /** Days until the deadline (negative once passed). */
  days: number;
}

export interface TimelineLane {
  commitmentId: number;
  number: number;
  title: string;
  /** One row per dated milestone, in the commitment's order, each with its entries in date order. */
  rows: { milestoneId: number; text: string; entries: TimelineEntry[] }[];
}

export interface UndatedMilestone {
  milestoneId: number;
  commitmentId: number;
  commitmentNumber: number;
  commitmentTitle: string;
  text: string;
  status: MilestoneStatus;
}

export interface PlanTimeline {
  plan: PlanRecord;
  organisationName: string;
  today: IsoDate;
  /** First to last day shown: the plan period widened to every entry; null when there is nothing to show. */
  span: DueWindow | null;
  lanes: TimelineLane[];
  /** Every entry, by commitment then deadline: what the accessible table lists. */
  entries: TimelineEntry[];
  undated: UndatedMilestone[];
}

function stateOf(m: MilestoneRecord, window: DueWindow, current: DueWindow | null, today: IsoDate): TimelineState {
  if (m.recurrence && current && window.to !== current.to && window.to < today && m.status !== 'done' && m.status !== 'dropped') return 'passed';
  return milestoneTiming({ status: m.status, due: window }, today, DEFAULT_SOON_DAYS) as TimelineState;
}

/** The timeline of a plan as of `today` (pure). */
export function buildTimeline(plan: PlanDetail, organisationName: string, today: IsoDate): PlanTimeline {
  const { commitments, ...record } = plan;
  const undated: UndatedMilestone[] = [];
  let span: DueWindow | null = plan.period ? { ...plan.period } : null;
  const lanes = commitments.map((c): TimelineLane => {
    const rows: TimelineLane['rows'] = [];
    for (const m of c.milestones) {
      const windows = scheduledWindows(m, plan);
      const about = { milestoneId: m.id, commitmentId: c.id, commitmentNumber: c.number, commitmentTitle: c.title, text: m.text };
      if (windows.length === 0) {
        undated.push({ ...about, status: m.status });
        continue;
      }
      const current = currentDue(m, plan, today);
      const entries = windows.map((due, i): TimelineEntry => {
        span = span ? { from: minDate(span.from, due.from), to: maxDate(span.to, due.to) } : { ...due };
        return {
          ...about,
          due,
          occurrence: m.recurrence ? { index: i + 1, count: windows.length, recurrence: m.recurrence } : null,
          state: stateOf(m, due, current, today),
          status: m.status,
          doneOn: m.doneOn,
          days: daysUntil(due.to, today),
        };
      });
      rows.push({ milestoneId: m.id, text: m.text, entries });
    }
    return { commitmentId: c.id, number: c.number, title: c.title, rows };
  });
  const entries = lanes.flatMap((lane) =>
    lane.rows.flatMap((r) => r.entries).sort((a, b) => (a.due.to < b.due.to ? -1 : a.due.to > b.due.to ? 1 : a.due.from < b.due.from ? -1 : 0)),
  );
  return { plan: record, organisationName, today, span: entries.length > 0 ? span : null, lanes, entries, undated };
}

/** The timeline, or undefined when the plan does not exist or the user may not read it (both: 404). */
export async function planTimeline(db: Db, user: CurrentUser | null | undefined, planId: number, today: IsoDate): Promise<PlanTimeline | undefined> {
  const plan = await getPlan(db, planId);
  if (!plan || !can(user, 'plan:read', plan.organisationId)) return undefined;
  const organisation = await getOrganisation(db, plan.organisationId);
  // A plan whose period has ended is drawn as at its last day (the today line stops there).
  return buildTimeline(plan, organisation?.name ?? '', pageAsAt(today, plan.period).date);
}
