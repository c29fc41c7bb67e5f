// What the exports are given: a stored plan read with everything they show (the plan, its review periods, KPI
// readings, milestone re-dates, monitoring evidence and the organisation's name), cut to the progress updates the
// one asking may see. The formats themselves (src/export) only turn that data into files.
import type { Kysely } from 'kysely';
import type { AsAt } from '../domain/as-at.ts';
import type { DueWindow, IsoDate } from '../domain/types.ts';
import type { ExportPlan, ReviewPeriodRef } from '../export/export-plan.ts';
import { checkExportRequest, exportAsAtOf, renderExportFile, ExportError, type ExportedFile, type ExportRequest } from '../export/export-plan-file.ts';
import type { Database } from '../store/schema.ts';
import { getPlan } from '../store/plans-repository.ts';
import { getOrganisation } from '../store/organisations-repository.ts';
import { listKpiReadings } from '../store/kpis-repository.ts';
import { listMilestoneRedates } from '../store/milestones-repository.ts';
import { listEvidence } from '../store/monitoring-repository.ts';
import { listReviewPeriods } from '../store/review-periods-repository.ts';
import { COMMAND_LINE_VIEWER, planForViewer, updateVisibility, type UpdateViewer } from './update-visibility.ts';

type Db = Kysely<Database>;

/** The plan's review periods as the exports name them, earliest first. */
export async function exportReviewPeriods(db: Db, planId: number): Promise<ReviewPeriodRef[]> {
  const periods = await listReviewPeriods(db, planId);
  return periods.map((p) => ({ id: p.id, label: p.label, from: p.startsOn, to: p.endsOn, signedOff: p.status === 'signed-off' }));
}

/** The stored plan with everything the exports show, every update included; undefined when there is no such plan. */
export async function loadExportPlan(db: Db, planId: number): Promise<ExportPlan | undefined> {
  const plan = await getPlan(db, planId);
  if (!plan) return undefined;
  const kpis = plan.commitments.flatMap((c) => c.kpis);
  const milestones = plan.commitments.flatMap((c) => c.milestones);
  const monitoring = plan.commitments.flatMap((c) => c.monitoring);
  const [organisation, reviewPeriods, readings, redates, evidence] = await Promise.all([
    getOrganisation(db, plan.organisationId),
    exportReviewPeriods(db, planId),
    Promise.all(kpis.map((k) => listKpiReadings(db, k.id))),
    Promise.all(milestones.map((m) => listMilestoneRedates(db, m.id))),
    Promise.all(monitoring.map((m) => listEvidence(db, { monitoringItemId: m.id }))),
  ]);
  return {
    ...plan,
    organisationName: organisation?.name,
    reviewPeriods,
    kpiReadings: readings.flat(),
    redates: redates.flat(),
    evidence: evidence.flat(),
  };
}

export interface PlanExportRequest extends ExportRequest {
  /** Who asks: decides which progress updates the file may hold (default: the command line, no drafts). */
  viewer?: UpdateViewer;
}

/** A stored plan in the format asked for; an ExportError (its message is for the user) when it cannot be made. */
export async function exportPlanFile(db: Db, planId: number, req: PlanExportRequest): Promise<ExportedFile> {
  checkExportRequest(req);
  const stored = await loadExportPlan(db, planId);
  if (!stored) throw new ExportError(`There is no plan ${planId}`);
  // The one visibility rule (services/update-visibility.ts) decides which updates any format may hold.
  return renderExportFile(planForViewer(stored, updateVisibility(req.viewer ?? COMMAND_LINE_VIEWER, stored.organisationId)), req);
}

export interface ExportChoices {
  /** The plan's review periods, for the Word export's period and the report dates offered. */
  periods: ReviewPeriodRef[];
  today: IsoDate;
  /** The date the files are as at: the one asked for, else the default for the plan (see domain/as-at.ts). */
  asAt: AsAt;
}

/** What the export page offers for a plan with `period`, on `today`, with the report date `asked` (if any). */
export async function exportChoices(db: Db, plan: { id: number; period: DueWindow | null }, today: IsoDate, asked?: IsoDate): Promise<ExportChoices> {
  const periods = await exportReviewPeriods(db, plan.id);
  return { periods, today, asAt: exportAsAtOf({ period: plan.period, reviewPeriods: periods }, { today, asAt: asked }) };
}
