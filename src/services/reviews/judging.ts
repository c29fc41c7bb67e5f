// What the reviewer judges a commitment on, for one period, gathered for the update page so that nothing else
// needs opening: the milestones due in or before the period (status, current and baseline dates, re-dates and
// evidence recorded in the period), the KPIs with their readings up to the period's end against the trajectory,
// the monitoring evidence recorded in the period, and the previous period's update with the organisation's
// response. Pure: it is built from rows read in one go (store/review-evidence-repository.ts).
import { expectedValueOn, kpiStatus, type KpiStatus } from '../../domain/kpi.ts';
import { dueAsOf } from '../../domain/period-comparison.ts';
import type { RagSuggestion } from '../../domain/suggest-rag.ts';
import type { DueWindow, IsoDate } from '../../domain/types.ts';
import type { EvidenceRecord, KpiReadingRecord, KpiRecord, MilestoneRecord, MilestoneRedateRecord, PlanRecord } from '../../domain/records.ts';
import type { CommitmentEvidenceRows } from '../../store/review-evidence-repository.ts';
import type { ReviewPeriodRecord } from '../../store/review-periods-repository.ts';
import type { ReviewUpdateRecord } from '../../store/progress-updates-repository.ts';
import { measurableKpi } from '../kpi-model.ts';
import { scheduledWindows } from '../milestone-schedule.ts';
import { kpiName } from './evidence.ts';

export interface JudgedMilestone {
  record: MilestoneRecord;
  /** The deadline as it stood at the period's end (a later re-date undone). */
  dueAtPeriodEnd: DueWindow | null;
  /** Re-dates made during the period. */
  redatesInPeriod: MilestoneRedateRecord[];
  /** Evidence dated in the period. */
  evidenceInPeriod: EvidenceRecord[];
}

export interface JudgedKpi {
  record: KpiRecord;
  name: string;
  /** Readings up to the period's end (or today, while it runs), oldest first, each with the trajectory's value that day. */
  readings: (KpiReadingRecord & { expected: number | null })[];
  /** Against the trajectory; null while the KPI lacks a baseline, target or target date. */
  status: KpiStatus | null;
}

export interface JudgedMonitoring {
  id: number;
  text: string;
  /** Evidence dated in the period. */
  evidence: EvidenceRecord[];
}

/** One reason for the suggested RAG, with the milestones it is about (full texts, for links). */
export interface SuggestionReason {
  text: string;
  milestones: { id: number; text: string }[];
}

export interface PreviousUpdate {
  period: ReviewPeriodRecord;
  /** The current version there, as the viewer may see it (null: none, or not visible). */
  update: ReviewUpdateRecord | null;
}

export interface Judging {
  /** The last day the evidence is read to: the period's end, or today while it runs. */
  asOf: IsoDate;
  milestones: JudgedMilestone[];
  /** Milestones due after the period, or undated: counted, not shown. */
  laterMilestones: number;
  kpis: JudgedKpi[];
  monitoring: JudgedMonitoring[];
  reasons: SuggestionReason[];
  previous: PreviousUpdate | null;
}

const inPeriod = (period: ReviewPeriodRecord, day: string) => day.slice(0, 10) >= period.startsOn && day.slice(0, 10) <= period.endsOn;

/** How the suggestion names a milestone: long texts are cut (domain/suggest-rag.ts), so match on the cut form. */
function namedIn(reason: string, text: string): boolean {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length <= 60 ? flat : flat.slice(0, 59).trimEnd();
  return cut.length > 0 && reason.includes(cut);
}

function dueInOrBefore(m: MilestoneRecord, due: DueWindow | null, plan: PlanRecord, period: ReviewPeriodRecord): boolean {
  if (m.recurrence) return scheduledWindows(m, plan).some((w) => w.from <= period.endsOn);
  return (due !== null && due.from <= period.endsOn) || (m.due !== null && m.due.from <= period.endsOn);
}

export function judgingFrom(
  rows: CommitmentEvidenceRows,
  plan: PlanRecord,
  period: ReviewPeriodRecord,
  asOf: IsoDate,
  suggestion: RagSuggestion,
  previous: PreviousUpdate | null,
): Judging {
  const all = rows.milestones.map((record): JudgedMilestone => {
    const redates = rows.redates.filter((r) => r.milestoneId === record.id);
    const steps = redates.map((r) => ({ changedAt: r.changedAt, oldDue: r.oldDue, newDue: r.newDue, reason: r.reason }));
    return {
      record,
      dueAtPeriodEnd: dueAsOf(record.due, steps, asOf),
      redatesInPeriod: redates.filter((r) => inPeriod(period, r.changedAt)),
      evidenceInPeriod: rows.evidence.filter((e) => e.milestoneId === record.id && inPeriod(period, e.date)),
    };
  });
  const milestones = all.filter((m) => dueInOrBefore(m.record, m.dueAtPeriodEnd, plan, period));
  const planStart = plan.period?.from ?? null;
  const kpis = rows.kpis.map((record): JudgedKpi => {
    const upToEnd = rows.readings.filter((r) => r.kpiId === record.id && r.date <= asOf);
    const measurable = measurableKpi(record, planStart);
    const readings = upToEnd.map((r) => ({ ...r, expected: measurable ? expectedValueOn(measurable, r.date, upToEnd) : null }));
    return { record, name: kpiName(record.text), readings, status: measurable ? kpiStatus(measurable, upToEnd, asOf) : null };
  });
  const monitoring = rows.monitoringItems.map((item) => ({
    id: item.id,
    text: item.text,
    evidence: rows.evidence.filter((e) => e.monitoringItemId === item.id && inPeriod(period, e.date)),
  }));
  const reasons = suggestion.reasons.map((text) => ({
    text,
    milestones: rows.milestones.filter((m) => namedIn(text, m.text)).map((m) => ({ id: m.id, text: m.text })),
  }));
  return { asOf, milestones, laterMilestones: all.length - milestones.length, kpis, monitoring, reasons, previous };
}
