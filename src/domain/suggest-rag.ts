// The RAG a reviewer is offered for one commitment in one review period, with the reasons behind it.
//
// Milestones are judged as they stood at the period's end (or today, if the period has not ended yet): a
// milestone done after that date counts as not yet done. Dropped milestones are left out of every rule.
// Once the period has ended, a milestone due on its last day and not done by then is overdue (0 days late);
// while it runs, one due today is due, not overdue, and is never counted as done.
// A recurring milestone ("Board meets Quarterly") takes part through its occurrences that fall due inside the
// period: each is done when something was recorded for the milestone (evidence dated) inside that occurrence's
// window, and missed otherwise. A recurring milestone still running is never "complete", so it rules out Blue.
//
// Rules, first match wins for the colour; every finding is listed as a reason, the most serious first:
// - Blue:  every milestone is done or dropped (at least one done) and no KPI is off track.
// - Red:   any milestone overdue by more than a month (calendar month after its deadline);
//          or any KPI off track by a large margin (behind its trajectory by a quarter or more of the whole
//          baseline-to-target improvement, or its target date passed without the target met);
//          or more than one third of the dated milestones overdue.
// - Amber: any milestone overdue by up to a month;
//          or any milestone re-dated to a later deadline during the period;
//          or any KPI off track (below its trajectory by more than the tolerance kpiStatus uses).
// - Green: otherwise — every milestone due by the period's end is done and KPIs are on trajectory.
import { formatKpiNumber, type KpiStatus } from './kpi.ts';
import { addMonths, daysBetween, formatShortDate, isoDay, minDate } from './iso-days.ts';
import type { DueWindow, IsoDate, MilestoneStatus, Rag } from './types.ts';

export interface MilestoneRedate {
  /** When the change was made: an ISO date or timestamp. */
  changedAt: string;
  oldTo: IsoDate | null;
  newTo: IsoDate | null;
  reason: string;
}

export interface RagMilestone {
  text: string;
  due: DueWindow | null;
  baselineDue: DueWindow | null;
  status: MilestoneStatus;
  doneOn?: IsoDate | null;
  redates: readonly MilestoneRedate[];
  /** A recurring milestone's scheduled occurrence windows (absent or empty: a one-off milestone). */
  occurrences?: readonly DueWindow[];
  /** Days on which something was recorded for the milestone (evidence): what marks an occurrence done. */
  recordedOn?: readonly IsoDate[];
}

export interface RagKpi {
  name: string;
  status: KpiStatus;
}

export interface SuggestRagInput {
  period: DueWindow;
  today: IsoDate;
  milestones: readonly RagMilestone[];
  kpis: readonly RagKpi[];
}

export interface RagSuggestion {
  rag: Rag;
  reasons: string[];
}

/** A KPI behind its trajectory by this share of |target − baseline| or more is off track by a large margin. */
export const LARGE_KPI_GAP = 0.25;

const NAME_LIMIT = 60;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function shortName(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= NAME_LIMIT ? t : `${t.slice(0, NAME_LIMIT - 1).trimEnd()}…`;
}

function names(list: readonly { text: string }[]): string {
  return list.map((m) => shortName(m.text)).join('; ');
}

function kpiNames(list: readonly RagKpi[]): string {
  const all = list.map((k) => k.name);
  if (all.length <= 1) return all.join('');
  return `${all.slice(0, -1).join(', ')} and ${all[all.length - 1] ?? ''}`;
}

function doneBy(m: RagMilestone, asOf: IsoDate): boolean {
  return m.status === 'done' && (m.doneOn == null || m.doneOn <= asOf);
}

function isLargeMiss(k: RagKpi): boolean {
  const s = k.status;
  if (s.state !== 'off-track') return false;
  return (s.gapShare ?? 0) >= LARGE_KPI_GAP || s.missedTarget === true;
}

/** "Board diversity KPI below trajectory (latest 32 on 30 Jun 2019, expected 35)". */
function kpiFinding(k: RagKpi, large: boolean): string {
  const s = k.status;
  const latest = s.latest ? `latest ${formatKpiNumber(s.latest.value)} on ${formatShortDate(s.latest.date)}` : 'no reading';
  if (s.missedTarget) return `${k.name} KPI missed its target of ${formatKpiNumber(s.expected ?? NaN)} (${latest})`;
  const expected = s.expected === undefined ? '' : `, expected ${formatKpiNumber(s.expected)}`;
  return `${k.name} KPI ${large ? 'well ' : ''}below trajectory (${latest}${expected})`;
}

function isRecurring(m: RagMilestone): boolean {
  return (m.occurrences?.length ?? 0) > 0 && m.status !== 'done' && m.status !== 'dropped';
}

/** One item per occurrence of a running recurring milestone that falls due inside the period. */
function occurrencesInPeriod(m: RagMilestone, period: DueWindow): RagMilestone[] {
  return (m.occurrences ?? [])
    .filter((w) => w.to >= period.from && w.to <= period.to)
    .map((w) => {
      const recorded = (m.recordedOn ?? []).filter((d) => d >= w.from && d <= w.to).sort()[0];
      const text = `${m.text} (occurrence due ${formatShortDate(w.to)})`;
      return { text, due: w, baselineDue: w, status: recorded ? 'done' : 'not-started', doneOn: recorded ?? null, redates: [] };
    });
}

/** Whether the milestone, due by `asOf`, counts as missed: not done, and its deadline has passed. */
function missed(m: RagMilestone, asOf: IsoDate, periodEnded: boolean): boolean {
  if (m.due === null || doneBy(m, asOf)) return false;
  return m.due.to < asOf || (periodEnded && m.due.to <= asOf);
}

export function suggestRag(input: SuggestRagInput): RagSuggestion {
  const asOf = minDate(input.today, input.period.to);
  const asOfText = formatShortDate(asOf);
  const periodEnded = input.today > input.period.to;
  const running = input.milestones.filter(isRecurring);
  const kept = input.milestones
    .filter((m) => m.status !== 'dropped')
    .flatMap((m) => (isRecurring(m) ? occurrencesInPeriod(m, input.period) : [m]));
  const dropped = input.milestones.filter((m) => m.status === 'dropped').length;
  const offTrack = input.kpis.filter((k) => k.status.state === 'off-track');
  const largeMisses = offTrack.filter(isLargeMiss);
  const smallMisses = offTrack.filter((k) => !isLargeMiss(k));
  const noData = input.kpis.filter((k) => k.status.state === 'no-data');

  // Blue: nothing left to deliver.
  const allDone = running.length === 0 && kept.length > 0 && kept.every((m) => doneBy(m, asOf));
  if (allDone && offTrack.length === 0) {
    const reasons = [
      dropped === 0
        ? `All ${plural(kept.length, 'milestone')} complete`
        : `All milestones complete or dropped: ${kept.length} complete, ${dropped} dropped`,
    ];
    return { rag: 'blue', reasons };
  }

  const dated = kept.filter((m) => m.due !== null);
  const overdue = dated.filter((m) => missed(m, asOf, periodEnded));
  const longOverdue = overdue.filter((m) => addMonths((m.due as DueWindow).to, 1) < asOf);
  const shortOverdue = overdue.filter((m) => !longOverdue.includes(m));
  const redated = kept.filter((m) =>
    m.redates.some((r) => {
      const day = isoDay(r.changedAt);
      const later = r.newTo !== null && (r.oldTo === null || r.newTo > r.oldTo);
      return later && day >= input.period.from && day <= input.period.to;
    }),
  );

  const red: string[] = [];
  const amber: string[] = [];
  if (longOverdue.length > 0) {
    red.push(`${plural(longOverdue.length, 'milestone')} overdue by more than a month (${names(longOverdue)})`);
  }
  for (const k of largeMisses) red.push(kpiFinding(k, true));
  if (dated.length > 0 && overdue.length * 3 > dated.length) {
    red.push(`${overdue.length} of ${dated.length} dated milestones overdue at ${asOfText}`);
  }
  if (shortOverdue.length > 0) {
    const detail = shortOverdue
      .map((m) => {
        const late = daysBetween((m.due as DueWindow).to, asOf);
        return `${shortName(m.text)}, due ${formatShortDate((m.due as DueWindow).to)}, ${late === 0 ? 'not done by the end of the period' : `${plural(late, 'day')} late`}`;
      })
      .join('; ');
    amber.push(`${plural(shortOverdue.length, 'milestone')} overdue by up to a month (${detail})`);
  }
  if (redated.length > 0) {
    amber.push(`${plural(redated.length, 'milestone')} re-dated this period (${names(redated)})`);
  }
  for (const k of smallMisses) amber.push(kpiFinding(k, false));

  const notes: string[] = [];
  if (noData.length > 0) notes.push(`No readings yet for ${kpiNames(noData)} ${noData.length === 1 ? 'KPI' : 'KPIs'}`);

  if (red.length > 0) return { rag: 'red', reasons: [...red, ...amber, ...notes] };
  if (amber.length > 0) return { rag: 'amber', reasons: [...amber, ...notes] };

  const dueByNow = dated.filter((m) => (m.due as DueWindow).to <= asOf);
  const doneSoFar = dueByNow.filter((m) => doneBy(m, asOf));
  const green: string[] = [];
  if (kept.length === 0 && running.length === 0 && input.kpis.length === 0) {
    green.push('No milestones or KPIs to assess');
  } else {
    if (dueByNow.length > 0 && doneSoFar.length === dueByNow.length) {
      const all = dueByNow.length === 1 ? 'The 1 milestone' : `All ${dueByNow.length} milestones`;
      green.push(`${all} due by ${asOfText} ${dueByNow.length === 1 ? 'is' : 'are'} done`);
    } else if (dueByNow.length > 0) {
      // Only those due today can be left here: any other not done is overdue, and overdue is Amber or Red.
      const dueToday = dueByNow.filter((m) => !doneBy(m, asOf));
      green.push(
        `${doneSoFar.length} of ${plural(dueByNow.length, 'milestone')} due by ${asOfText} done; due today and not yet done: ${names(dueToday)}`,
      );
    } else if (kept.length > 0 || running.length > 0) {
      green.push(`No milestones were due by ${asOfText}`);
    }
    const tracked = input.kpis.length - noData.length;
    if (tracked > 0) {
      green.push(tracked === input.kpis.length ? 'KPIs on trajectory' : `${plural(tracked, 'KPI')} with readings on trajectory`);
    }
  }
  return { rag: 'green', reasons: [...green, ...notes] };
}
