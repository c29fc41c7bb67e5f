// Reads a stored plan with everything the exports show: the plan read, plus its review periods, KPI readings,
// milestone re-dates and monitoring evidence. Undefined when there is no such plan.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { getPlan } from '../store/plans-repository.ts';
import { listKpiReadings } from '../store/kpis-repository.ts';
import { listMilestoneRedates } from '../store/milestones-repository.ts';
import { listEvidence } from '../store/monitoring-repository.ts';
import { listReviewPeriods } from '../store/review-periods-repository.ts';
import type { ExportPlan } from './export-plan.ts';

export async function loadExportPlan(db: Kysely<Database>, planId: number): Promise<ExportPlan | undefined> {
  const plan = await getPlan(db, planId);
  if (!plan) return undefined;
  const kpis = plan.commitments.flatMap((c) => c.kpis);
  const milestones = plan.commitments.flatMap((c) => c.milestones);
  const monitoring = plan.commitments.flatMap((c) => c.monitoring);
  const [periods, readings, redates, evidence] = await Promise.all([
    listReviewPeriods(db, planId),
    Promise.all(kpis.map((k) => listKpiReadings(db, k.id))),
    Promise.all(milestones.map((m) => listMilestoneRedates(db, m.id))),
    Promise.all(monitoring.map((m) => listEvidence(db, { monitoringItemId: m.id }))),
  ]);
  return {
    ...plan,
    reviewPeriods: periods.map((p) => ({ id: p.id, label: p.label, from: p.startsOn, to: p.endsOn, signedOff: p.status === 'signed-off' })),
    kpiReadings: readings.flat(),
    redates: redates.flat(),
    evidence: evidence.flat(),
  };
}
