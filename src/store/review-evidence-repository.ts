// Everything a commitment's progress update is judged on, read in a fixed handful of queries however many
// milestones, KPIs and monitoring items it has: milestones with their re-dates and evidence, KPIs with their
// readings, monitoring items with their evidence. The review's read models and its suggestion use this.
import type { Kysely } from 'kysely';
import type {
  EvidenceRecord,
  KpiReadingRecord,
  KpiRecord,
  MilestoneRecord,
  MilestoneRedateRecord,
  MonitoringItemRecord,
} from '../domain/records.ts';
import type { Database } from './schema.ts';
import { windowOf } from './column-values.ts';
import { toKpiRecord } from './kpis-repository.ts';
import { toMilestoneRecord } from './milestones-repository.ts';
import { toMonitoringItemRecord } from './monitoring-repository.ts';

export interface CommitmentEvidenceRows {
  milestones: MilestoneRecord[];
  /** Every re-date of those milestones, oldest first. */
  redates: MilestoneRedateRecord[];
  kpis: KpiRecord[];
  /** Every reading of those KPIs, oldest first. */
  readings: KpiReadingRecord[];
  monitoringItems: MonitoringItemRecord[];
  /** Evidence recorded against the milestones or the monitoring items, oldest first. */
  evidence: EvidenceRecord[];
}

/** The commitment's milestones, KPIs and monitoring items with what was recorded against them: six queries. */
export async function loadCommitmentEvidence(db: Kysely<Database>, commitmentId: number): Promise<CommitmentEvidenceRows> {
  const [milestones, redates, kpis, readings, items, milestoneEvidence, itemEvidence] = await Promise.all([
    db.selectFrom('milestones').selectAll().where('commitment_id', '=', commitmentId).orderBy('position').orderBy('id').execute(),
    db
      .selectFrom('milestone_redates')
      .innerJoin('milestones', 'milestones.id', 'milestone_redates.milestone_id')
      .selectAll('milestone_redates')
      .where('milestones.commitment_id', '=', commitmentId)
      .orderBy('milestone_redates.changed_at')
      .orderBy('milestone_redates.id')
      .execute(),
    db.selectFrom('kpis').selectAll().where('commitment_id', '=', commitmentId).orderBy('position').orderBy('id').execute(),
    db
      .selectFrom('kpi_readings')
      .innerJoin('kpis', 'kpis.id', 'kpi_readings.kpi_id')
      .selectAll('kpi_readings')
      .where('kpis.commitment_id', '=', commitmentId)
      .orderBy('kpi_readings.date')
      .orderBy('kpi_readings.id')
      .execute(),
    db.selectFrom('monitoring_items').selectAll().where('commitment_id', '=', commitmentId).orderBy('position').orderBy('id').execute(),
    db
      .selectFrom('evidence')
      .innerJoin('milestones', 'milestones.id', 'evidence.milestone_id')
      .selectAll('evidence')
      .where('milestones.commitment_id', '=', commitmentId)
      .orderBy('evidence.date')
      .orderBy('evidence.id')
      .execute(),
    db
      .selectFrom('evidence')
      .innerJoin('monitoring_items', 'monitoring_items.id', 'evidence.monitoring_item_id')
      .selectAll('evidence')
      .where('monitoring_items.commitment_id', '=', commitmentId)
      .orderBy('evidence.date')
      .orderBy('evidence.id')
      .execute(),
  ]);
  return {
    milestones: milestones.map(toMilestoneRecord),
    redates: redates.map((r) => ({
      id: r.id,
      milestoneId: r.milestone_id,
      oldDue: windowOf(r.old_from, r.old_to),
      newDue: windowOf(r.new_from, r.new_to),
      reason: r.reason,
      changedBy: r.changed_by,
      changedAt: r.changed_at,
    })),
    kpis: kpis.map(toKpiRecord),
    readings: readings.map((r) => ({ id: r.id, kpiId: r.kpi_id, date: r.date, value: r.value, note: r.note, source: r.source })),
    monitoringItems: items.map(toMonitoringItemRecord),
    evidence: [...milestoneEvidence, ...itemEvidence].map((e) => ({
      id: e.id,
      monitoringItemId: e.monitoring_item_id,
      milestoneId: e.milestone_id,
      date: e.date,
      note: e.note,
      link: e.link,
      filePath: e.file_path,
      createdBy: e.created_by,
      createdAt: e.created_at,
    })),
  };
}
