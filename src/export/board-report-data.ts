// What the board report shows, as plain data: each commitment's current RAG and latest update, the RAG counts,
// overdue and soon-due milestones as of a given day, and the KPIs with their readings.
import { milestonesDueWithin, overdueMilestones, daysOverdue, DEFAULT_SOON_DAYS } from '../domain/milestone-timing.ts';
import { sortReadings } from '../domain/kpi.ts';
import { RAGS, type IsoDate, type Rag } from '../domain/types.ts';
import type { CommitmentDetail, KpiReadingRecord, KpiRecord, MilestoneRecord } from '../domain/records.ts';
import { areaLeadEntries, type AreaLeadEntry } from './area-lead-updates.ts';
import type { ExportPlan } from './export-plan.ts';

export interface CommitmentStanding {
  commitment: CommitmentDetail;
  /** The latest SIGNED-OFF rating: a board report never counts a rating the reviewer has not signed off. */
  rag: Rag | null;
  /** The latest signed-off update of a review period. */
  latest: AreaLeadEntry | null;
  /** A later update submitted but not yet signed off (not counted; the report says it is awaited). */
  awaitingSignOff: AreaLeadEntry | null;
}

export interface DatedMilestone {
  commitment: CommitmentDetail;
  milestone: MilestoneRecord;
  /** Days past the deadline (0 for one not yet due). */
  daysOverdue: number;
}

export interface KpiSeries {
  commitment: CommitmentDetail;
  kpi: KpiRecord;
  readings: KpiReadingRecord[];
}

export interface BoardReportData {
  standings: CommitmentStanding[];
  /** How many commitments stand at each RAG; `none` counts those without a rated update. */
  ragCounts: Record<Rag | 'none', number>;
  overdue: DatedMilestone[];
  dueSoon: DatedMilestone[];
  kpis: KpiSeries[];
}

function withCommitment(plan: ExportPlan): (MilestoneRecord & { commitment: CommitmentDetail })[] {
  return plan.commitments.flatMap((c) => c.milestones.map((m) => ({ ...m, commitment: c })));
}

export function boardReportData(plan: ExportPlan, today: IsoDate, soonDays = DEFAULT_SOON_DAYS): BoardReportData {
  const standings = plan.commitments.map((commitment) => {
    // The latest entry of a review period (an imported update has no period: it is the plan's text, not a review).
    const reviewed = areaLeadEntries(plan, commitment, 'all').filter((e) => e.period !== null && e.period.from <= today);
    const signed = reviewed.filter((e) => e.update.state === 'signed-off');
    const newest = reviewed.at(-1);
    return {
      commitment,
      rag: signed.filter((e) => e.rag !== null).at(-1)?.rag ?? null,
      latest: signed.at(-1) ?? null,
      awaitingSignOff: newest && newest.update.state !== 'signed-off' ? newest : null,
    };
  });
  const ragCounts = { red: 0, amber: 0, green: 0, blue: 0, none: 0 };
  for (const s of standings) ragCounts[s.rag ?? 'none'] += 1;
  const milestones = withCommitment(plan);
  const dated = (m: MilestoneRecord & { commitment: CommitmentDetail }): DatedMilestone => ({
    commitment: m.commitment,
    milestone: m,
    daysOverdue: daysOverdue(m, today),
  });
  const readings = plan.kpiReadings ?? [];
  const kpis = plan.commitments.flatMap((commitment) =>
    commitment.kpis.map((kpi) => ({ commitment, kpi, readings: sortReadings(readings.filter((r) => r.kpiId === kpi.id && r.date <= today)) })),
  );
  return {
    standings,
    ragCounts,
    overdue: overdueMilestones(milestones, today).map(dated),
    dueSoon: milestonesDueWithin(milestones, today, soonDays).map(dated),
    kpis,
  };
}

/** "Red", …, in the report's order, with "Not rated" last. */
export const RAG_ORDER: readonly (Rag | 'none')[] = [...RAGS, 'none'];
