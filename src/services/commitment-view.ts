// The commitment page's read model: the commitment with its plan and lead, its KPIs (with readings and status),
// milestones (with re-dates, evidence and whether each is overdue), monitoring items with their evidence, and the
// progress updates the viewer may see. Everything is judged as at one day, taken from the one clock: a plan whose
// period has ended is shown as at its last day, never "overdue by 2,741 days".
import type { Kysely } from 'kysely';
import { pageAsAt } from '../domain/as-at.ts';
import { kpiStatus, type Kpi, type KpiStatus } from '../domain/kpi.ts';
import { milestoneTiming } from '../domain/milestone-timing.ts';
import type {
  CommitmentRecord,
  EvidenceRecord,
  KpiReadingRecord,
  KpiRecord,
  MilestoneRecord,
  MilestoneRedateRecord,
  MonitoringItemRecord,
  PlanRecord,
  ProgressUpdateRecord,
} from '../domain/records.ts';
import type { IsoDate } from '../domain/types.ts';
import type { Database } from '../store/schema.ts';
import { getCommitment } from '../store/commitments-repository.ts';
import { listKpiReadings, listKpis } from '../store/kpis-repository.ts';
import { listMilestoneRedates, listMilestones } from '../store/milestones-repository.ts';
import { listEvidence, listMonitoringItems } from '../store/monitoring-repository.ts';
import { getPlanRecord } from '../store/plans-repository.ts';
import { listCommitmentUpdates } from '../store/progress-updates-repository.ts';
import { listReviewPeriods } from '../store/review-periods-repository.ts';
import { getUser } from '../store/users-repository.ts';
import { can, type CurrentUser } from './accounts.ts';
import { measurableKpi } from './kpi-model.ts';
import { updateVisibility, userViewer, visibleUpdates, type UpdateViewer } from './update-visibility.ts';

type Db = Kysely<Database>;

export interface CommitmentKpi {
  kpi: KpiRecord;
  /** In date order. */
  readings: KpiReadingRecord[];
  /** The KPI with its trajectory, or null while it lacks a baseline, target or target date. */
  measurable: Kpi | null;
  status: KpiStatus | null;
}

export interface CommitmentMilestone {
  milestone: MilestoneRecord;
  redates: MilestoneRedateRecord[];
  /** Who made the latest re-date ("unknown" when nobody is recorded). */
  lastRedateBy: string | null;
  overdue: boolean;
  evidence: EvidenceRecord[];
}

export interface CommitmentMonitoringItem {
  item: MonitoringItemRecord;
  evidence: EvidenceRecord[];
}

export interface CommitmentUpdate {
  update: ProgressUpdateRecord;
  /** The review period's label, or null for the updates imported with the plan. */
  periodLabel: string | null;
  periodStarts: IsoDate | null;
}

export interface CommitmentPage {
  commitment: CommitmentRecord;
  plan: PlanRecord;
  /** Whether the viewer may change its milestones, KPIs and evidence. */
  canEdit: boolean;
  lead: string | null;
  kpis: CommitmentKpi[];
  milestones: CommitmentMilestone[];
  monitoring: CommitmentMonitoringItem[];
  /** The current version of each period's update the viewer may see, newest period first. */
  updates: CommitmentUpdate[];
  /** The day milestones and KPIs are judged on. */
  asAt: IsoDate;
  planEnded: boolean;
}

function names(db: Db) {
  const cache = new Map<number, Promise<string>>();
  return (id: number | null): Promise<string> => {
    if (id === null) return Promise.resolve('unknown');
    let name = cache.get(id);
    if (!name) {
      name = getUser(db, id).then((u) => u?.name ?? 'unknown');
      cache.set(id, name);
    }
    return name;
  };
}

async function kpisOf(db: Db, commitmentId: number, planStart: IsoDate | null, asAt: IsoDate): Promise<CommitmentKpi[]> {
  const kpis = await listKpis(db, commitmentId);
  return Promise.all(
    kpis.map(async (kpi) => {
      const readings = await listKpiReadings(db, kpi.id);
      const measurable = measurableKpi(kpi, planStart);
      return { kpi, readings, measurable, status: measurable ? kpiStatus(measurable, readings, asAt) : null };
    }),
  );
}

async function milestonesOf(db: Db, commitmentId: number, asAt: IsoDate, nameOf: (id: number | null) => Promise<string>) {
  const milestones = await listMilestones(db, commitmentId);
  return Promise.all(
    milestones.map(async (milestone): Promise<CommitmentMilestone> => {
      const [redates, evidence] = await Promise.all([listMilestoneRedates(db, milestone.id), listEvidence(db, { milestoneId: milestone.id })]);
      const last = redates.at(-1);
      return {
        milestone,
        redates,
        lastRedateBy: last ? await nameOf(last.changedBy) : null,
        overdue: milestoneTiming(milestone, asAt) === 'overdue',
        evidence,
      };
    }),
  );
}

async function monitoringOf(db: Db, commitmentId: number): Promise<CommitmentMonitoringItem[]> {
  const items = await listMonitoringItems(db, commitmentId);
  return Promise.all(items.map(async (item) => ({ item, evidence: await listEvidence(db, { monitoringItemId: item.id }) })));
}

/** The current version of each period's update the viewer may see (update-visibility.ts), newest period first. */
async function updatesOf(db: Db, commitmentId: number, plan: PlanRecord, viewer: UpdateViewer): Promise<CommitmentUpdate[]> {
  const [all, periods] = await Promise.all([listCommitmentUpdates(db, commitmentId), listReviewPeriods(db, plan.id)]);
  const updates = visibleUpdates(updateVisibility(viewer, plan.organisationId), all);
  const periodOf = new Map(periods.map((p) => [p.id, p]));
  const current = new Map<string, ProgressUpdateRecord>();
  for (const u of updates) {
    const key = u.reviewPeriodId === null ? `imported-${u.id}` : `period-${u.reviewPeriodId}`;
    const seen = current.get(key);
    if (!seen || u.version > seen.version) current.set(key, u);
  }
  return [...current.values()]
    .map((update) => {
      const period = update.reviewPeriodId === null ? undefined : periodOf.get(update.reviewPeriodId);
      return { update, periodLabel: period?.label ?? null, periodStarts: period?.startsOn ?? null };
    })
    .sort((a, b) => ((a.periodStarts ?? '') < (b.periodStarts ?? '') ? 1 : (a.periodStarts ?? '') > (b.periodStarts ?? '') ? -1 : 0));
}

/**
 * The commitment page for `user` as at `today`, or undefined when the commitment does not exist or is not in one
 * of the user's organisations (the access rule has normally answered 404 before this is asked).
 */
export async function commitmentPage(db: Db, user: CurrentUser | null | undefined, commitmentId: number, today: IsoDate): Promise<CommitmentPage | undefined> {
  const commitment = await getCommitment(db, commitmentId);
  const plan = commitment && (await getPlanRecord(db, commitment.planId));
  if (!commitment || !plan || !can(user, 'plan:read', plan.organisationId)) return undefined;
  const asAt = pageAsAt(today, plan.period);
  const nameOf = names(db);
  const [lead, kpis, milestones, monitoring, updates] = await Promise.all([
    commitment.leadUserId === null ? Promise.resolve(null) : nameOf(commitment.leadUserId),
    kpisOf(db, commitment.id, plan.period?.from ?? null, asAt.date),
    milestonesOf(db, commitment.id, asAt.date, nameOf),
    monitoringOf(db, commitment.id),
    updatesOf(db, commitment.id, plan, userViewer(user)),
  ]);
  return {
    commitment,
    plan,
    canEdit: can(user, 'commitment:edit', plan.organisationId, { leadUserId: commitment.leadUserId }),
    lead,
    kpis,
    milestones,
    monitoring,
    updates,
    asAt: asAt.date,
    planEnded: asAt.reason === 'plan-ended',
  };
}
