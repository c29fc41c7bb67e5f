// The evidence a progress update is judged on (milestones with their re-dates and occurrences, KPI readings) and
// the RAG it suggests for a period, as things stood at the period's end (or today, while it runs).
import { kpiStatus } from '../../domain/kpi.ts';
import { minDate } from '../../domain/iso-days.ts';
import { dueAsOf } from '../../domain/period-comparison.ts';
import { suggestRag, type RagKpi, type RagMilestone, type RagSuggestion } from '../../domain/suggest-rag.ts';
import type { DueWindow, IsoDate } from '../../domain/types.ts';
import type { KpiReadingRecord, KpiRecord, MilestoneRecord, MilestoneRedateRecord, PlanRecord } from '../../domain/records.ts';
import { loadCommitmentEvidence, type CommitmentEvidenceRows } from '../../store/review-evidence-repository.ts';
import type { ReviewPeriodRecord } from '../../store/review-periods-repository.ts';
import { measurableKpi } from '../kpi-model.ts';
import { scheduledWindows } from '../milestone-schedule.ts';
import type { Db } from './scope.ts';

export interface Evidence {
  /** Each milestone with its re-dates, its occurrence windows (recurring ones) and the days evidence was dated. */
  milestones: { record: MilestoneRecord; redates: MilestoneRedateRecord[]; occurrences: DueWindow[]; recordedOn: IsoDate[] }[];
  kpis: { record: KpiRecord; readings: KpiReadingRecord[] }[];
  /** Where KPI trajectories start: the plan period's first day. */
  planStart: IsoDate | null;
}

export async function evidenceOf(db: Db, commitmentId: number, plan: PlanRecord): Promise<Evidence> {
  return evidenceFrom(await loadCommitmentEvidence(db, commitmentId), plan);
}

/** The evidence, grouped per milestone and KPI, from the rows read in one go (no query per milestone). */
export function evidenceFrom(rows: CommitmentEvidenceRows, plan: PlanRecord): Evidence {
  const milestones = rows.milestones.map((record) => ({
    record,
    redates: rows.redates.filter((r) => r.milestoneId === record.id),
    occurrences: record.recurrence ? scheduledWindows(record, plan) : [],
    recordedOn: rows.evidence.filter((e) => e.milestoneId === record.id).map((e) => e.date),
  }));
  const kpis = rows.kpis.map((record) => ({ record, readings: rows.readings.filter((r) => r.kpiId === record.id) }));
  return { milestones, kpis, planStart: plan.period?.from ?? null };
}

/** "KPI: 33% of Board members are women by 2020" → "33% of Board members are women by 2020". */
export function kpiName(text: string): string {
  return text.replace(/^\s*KPI\s*[:\-–]\s*/i, '').trim() || text;
}

export function asOfDay(period: ReviewPeriodRecord, today: IsoDate): IsoDate {
  return minDate(today, period.endsOn);
}

/**
 * The RAG the evidence suggests for the period: milestones as they stood at its end (re-dates made later are
 * undone), KPI readings up to then. KPIs without a baseline, target and target date cannot be judged and are
 * left out.
 */
export function suggestionFrom(evidence: Evidence, period: ReviewPeriodRecord, today: IsoDate): RagSuggestion {
  const asOf = asOfDay(period, today);
  const milestones: RagMilestone[] = evidence.milestones.map(({ record, redates, occurrences, recordedOn }) => {
    const steps = redates.map((r) => ({ changedAt: r.changedAt, oldDue: r.oldDue, newDue: r.newDue, reason: r.reason }));
    return {
      text: record.text,
      due: dueAsOf(record.due, steps, asOf),
      baselineDue: record.baseline,
      status: record.status,
      doneOn: record.doneOn,
      redates: redates.map((r) => ({ changedAt: r.changedAt, oldTo: r.oldDue?.to ?? null, newTo: r.newDue?.to ?? null, reason: r.reason })),
      occurrences,
      recordedOn,
    };
  });
  const kpis: RagKpi[] = evidence.kpis.flatMap(({ record: k, readings }) => {
    const measurable = measurableKpi(k, evidence.planStart);
    return measurable ? [{ name: kpiName(k.text), status: kpiStatus(measurable, readings, asOf) }] : [];
  });
  return suggestRag({ period: { from: period.startsOn, to: period.endsOn }, today, milestones, kpis });
}

