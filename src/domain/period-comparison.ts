// What changed for each commitment in a review period, against the period before it: the RAG move between the
// two periods' updates, milestones completed in the period, milestones that slipped (became overdue during it
// and were still not done at its end), milestones re-dated during it, and KPI readings dated in it.
//
// A period that has not ended yet is judged up to `today`. Milestone deadlines are taken as they stood then:
// a re-date made after that day is undone (see `dueAsOf`). Dropped milestones never slip. Pure: no I/O.
import { addDays, isoDay, minDate } from './iso-days.ts';
import type { DueWindow, IsoDate, MilestoneStatus, Rag } from './types.ts';

export interface ComparedRedate {
  changedAt: string;
  oldDue: DueWindow | null;
  newDue: DueWindow | null;
  reason: string;
}

export interface ComparedMilestone {
  id: number;
  text: string;
  due: DueWindow | null;
  status: MilestoneStatus;
  doneOn: IsoDate | null;
  /** Oldest first. */
  redates: readonly ComparedRedate[];
}

export interface ComparedReading {
  kpiId: number;
  kpiName: string;
  date: IsoDate;
  value: number;
}

export interface ComparedCommitment {
  id: number;
  number: number;
  title: string;
  /** RAG of the current update in this period and in the previous one (null: none, or no RAG). */
  rag: Rag | null;
  previousRag: Rag | null;
  milestones: readonly ComparedMilestone[];
  readings: readonly ComparedReading[];
}

export type RagMove = 'improved' | 'worsened' | 'unchanged' | 'first' | 'none';

export interface CommitmentChanges {
  commitmentId: number;
  number: number;
  title: string;
  rag: { from: Rag | null; to: Rag | null; move: RagMove };
  completed: { milestoneId: number; text: string; doneOn: IsoDate }[];
  slipped: { milestoneId: number; text: string; due: DueWindow }[];
  redated: { milestoneId: number; text: string; oldDue: DueWindow | null; newDue: DueWindow | null; reason: string; changedOn: IsoDate }[];
  readings: ComparedReading[];
}

export interface PeriodChanges {
  commitments: CommitmentChanges[];
  totals: { improved: number; worsened: number; completed: number; slipped: number; redated: number; readings: number };
}

/** Better is higher: Red < Amber < Green < Blue (complete). */
const RAG_RANK: Record<Rag, number> = { red: 0, amber: 1, green: 2, blue: 3 };

export function ragMove(from: Rag | null, to: Rag | null): RagMove {
  if (to === null) return 'none';
  if (from === null) return 'first';
  const change = RAG_RANK[to] - RAG_RANK[from];
  return change > 0 ? 'improved' : change < 0 ? 'worsened' : 'unchanged';
}

/** The milestone's due window at the end of `date`: re-dates made on later days are undone. */
export function dueAsOf(current: DueWindow | null, redates: readonly ComparedRedate[], date: IsoDate): DueWindow | null {
  const later = redates.find((r) => isoDay(r.changedAt) > date);
  return later ? later.oldDue : current;
}

function within(date: IsoDate, period: DueWindow): boolean {
  return date >= period.from && date <= period.to;
}

function doneBy(m: ComparedMilestone, date: IsoDate): boolean {
  return m.status === 'done' && (m.doneOn === null || m.doneOn <= date);
}

export function commitmentChanges(c: ComparedCommitment, period: DueWindow, today: IsoDate): CommitmentChanges {
  const asOf = minDate(today, period.to);
  const seen: DueWindow = { from: period.from, to: asOf };
  const completed = c.milestones.flatMap((m) =>
    m.status === 'done' && m.doneOn !== null && within(m.doneOn, seen) ? [{ milestoneId: m.id, text: m.text, doneOn: m.doneOn }] : [],
  );
  const slipped = c.milestones.flatMap((m) => {
    if (m.status === 'dropped' || doneBy(m, asOf)) return [];
    const due = dueAsOf(m.due, m.redates, asOf);
    // Overdue from the day after the deadline: that day falls in the period.
    return due && within(addDays(due.to, 1), seen) ? [{ milestoneId: m.id, text: m.text, due }] : [];
  });
  const redated = c.milestones.flatMap((m) =>
    m.redates
      .filter((r) => within(isoDay(r.changedAt), seen))
      .map((r) => ({ milestoneId: m.id, text: m.text, oldDue: r.oldDue, newDue: r.newDue, reason: r.reason, changedOn: isoDay(r.changedAt) })),
  );
  const readings = c.readings.filter((r) => within(r.date, seen)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    commitmentId: c.id,
    number: c.number,
    title: c.title,
    rag: { from: c.previousRag, to: c.rag, move: ragMove(c.previousRag, c.rag) },
    completed,
    slipped,
    redated,
    readings,
  };
}

/** The changes of every commitment (in the order given) in `period`, with totals for a summary. */
export function periodChanges(commitments: readonly ComparedCommitment[], period: DueWindow, today: IsoDate): PeriodChanges {
  const list = commitments.map((c) => commitmentChanges(c, period, today));
  const sum = (f: (c: CommitmentChanges) => number): number => list.reduce((n, c) => n + f(c), 0);
  return {
    commitments: list,
    totals: {
      improved: sum((c) => (c.rag.move === 'improved' ? 1 : 0)),
      worsened: sum((c) => (c.rag.move === 'worsened' ? 1 : 0)),
      completed: sum((c) => c.completed.length),
      slipped: sum((c) => c.slipped.length),
      redated: sum((c) => c.redated.length),
      readings: sum((c) => c.readings.length),
    },
  };
}
