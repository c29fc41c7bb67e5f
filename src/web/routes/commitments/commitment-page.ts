// What the commitment page shows, gathered from the store and shaped for the template: KPIs with status, chart
// and table; milestones with due, status, re-dating and evidence; monitoring items with evidence; and the
// progress-update history.
import { measurableKpi } from '../../../services/kpi-model.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.ts';
import type { EvidenceRecord, MilestoneRecord, MilestoneRedateRecord, PlanRecord } from '../../../store/records.ts';
import { pageAsAt } from '../../../domain/as-at.ts';
import { COMMAND_LINE_VIEWER, updateVisibility, visibleUpdates, type UpdateViewer } from '../../../services/update-visibility.ts';
import { listKpis, listKpiReadings } from '../../../store/kpis-repository.ts';
import { listMilestones, listMilestoneRedates } from '../../../store/milestones-repository.ts';
import { listEvidence, listMonitoringItems } from '../../../store/monitoring-repository.ts';
import { listCommitmentUpdates } from '../../../store/progress-updates-repository.ts';
import { listReviewPeriods } from '../../../store/review-periods-repository.ts';
import { getUser } from '../../../store/users-repository.ts';
import { kpiStatus } from '../../../domain/kpi.ts';
import { milestoneTiming } from '../../../domain/milestone-timing.ts';
import { formatLong } from '../../../domain/dates/index.ts';
import { downloadName } from '../../../services/evidence-files.ts';
import { formatDue } from '../milestones/due-entry.ts';
import { todayIso } from '../milestones/date-input.ts';
import type { CommitmentAccess } from './access.ts';
import { inlineSafeSvg } from './inline-svg.ts';
import { KPI_STATE_TAGS, MILESTONE_STATUS_TAGS, OVERDUE_TAG, RAG_TAGS, type Tag } from './tags.ts';

type Db = Kysely<Database>;

export interface EvidenceView {
  date: string;
  note: string | null;
  link: string | null;
  fileName: string | null;
  fileHref: string | null;
}

function evidenceView(e: EvidenceRecord): EvidenceView {
  return {
    date: formatLong(e.date),
    note: e.note,
    link: e.link,
    fileName: e.filePath ? downloadName(e.filePath) : null,
    fileHref: e.filePath ? `/evidence/${e.id}/file` : null,
  };
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

/** "baseline 31 May 2019 → now 30 Jun 2019 (reason, who)" when the milestone was re-dated. */
export async function redateSummary(
  m: MilestoneRecord,
  redates: readonly MilestoneRedateRecord[],
  nameOf: (id: number | null) => Promise<string>,
): Promise<string | null> {
  const last = redates.at(-1);
  if (!last) return null;
  return `baseline ${formatDue(m.baseline)} → now ${formatDue(m.due)} (${last.reason}, ${await nameOf(last.changedBy)})`;
}

async function kpiViews(db: Db, commitmentId: number, planStart: string | null, today: string) {
  const kpis = await listKpis(db, commitmentId);
  if (kpis.length === 0) return [];
  // The chart code (ECharts, a large library) loads on the first page that shows a KPI, not at start.
  const { kpiTableRows, renderKpiChart } = await import('../../charts/kpi-chart.ts');
  return Promise.all(
    kpis.map(async (kpi) => {
      const readings = await listKpiReadings(db, kpi.id);
      const measurable = measurableKpi(kpi, planStart);
      const title = kpi.unit ? `${kpi.text} (${kpi.unit})` : kpi.text;
      const rows = measurable
        ? kpiTableRows(measurable, readings)
        : readings.map((r) => ({ dateLabel: formatLong(r.date), valueText: String(r.value), expectedText: '', onTrajectory: null }));
      const status = measurable ? kpiStatus(measurable, readings, today) : null;
      const tag: Tag = KPI_STATE_TAGS[status?.state ?? 'not-set-up'];
      return {
        id: kpi.id,
        title,
        tag,
        reason: status?.reason ?? 'Add a baseline, target and target date to measure progress',
        chartSvg: measurable ? inlineSafeSvg(renderKpiChart({ ...measurable, name: kpi.text }, readings)) : null,
        // Both lists are in date order (readings come sorted from the store; the sort is stable).
        rows: rows.map((r, i) => ({ ...r, note: readings[i]?.note ?? '', source: readings[i]?.source ?? '' })),
        baseline: kpi.baseline,
        target: kpi.target,
        targetDate: kpi.targetDate ? formatLong(kpi.targetDate) : null,
        direction: kpi.direction === 'higher' ? 'Higher is better' : 'Lower is better',
      };
    }),
  );
}

async function milestoneViews(db: Db, commitmentId: number, today: string, nameOf: (id: number | null) => Promise<string>) {
  const milestones = await listMilestones(db, commitmentId);
  return Promise.all(
    milestones.map(async (m) => {
      const [redates, evidence] = await Promise.all([listMilestoneRedates(db, m.id), listEvidence(db, { milestoneId: m.id })]);
      const overdue = milestoneTiming(m, today) === 'overdue';
      return {
        id: m.id,
        text: m.text,
        due: formatDue(m.due) + (m.recurrence ? ` (${m.recurrence})` : ''),
        redated: await redateSummary(m, redates, nameOf),
        redateCount: redates.length,
        status: MILESTONE_STATUS_TAGS[m.status],
        doneOn: m.doneOn ? formatLong(m.doneOn) : null,
        overdue: overdue ? OVERDUE_TAG : null,
        isDone: m.status === 'done',
        evidence: evidence.map(evidenceView),
      };
    }),
  );
}

async function monitoringViews(db: Db, commitmentId: number) {
  const items = await listMonitoringItems(db, commitmentId);
  return Promise.all(
    items.map(async (item) => ({
      id: item.id,
      text: item.text,
      evidence: (await listEvidence(db, { monitoringItemId: item.id })).map(evidenceView),
    })),
  );
}

/** The current version of each period's update the viewer may see (update-visibility.ts), newest period first. */
async function updateViews(db: Db, commitmentId: number, plan: PlanRecord, viewer: UpdateViewer) {
  const [all, periods] = await Promise.all([listCommitmentUpdates(db, commitmentId), listReviewPeriods(db, plan.id)]);
  const updates = visibleUpdates(updateVisibility(viewer, plan.organisationId), all);
  const label = new Map(periods.map((p) => [p.id, { label: p.label, starts: p.startsOn }]));
  const current = new Map<string, (typeof updates)[number]>();
  for (const u of updates) {
    const key = u.reviewPeriodId === null ? `imported-${u.id}` : `period-${u.reviewPeriodId}`;
    const seen = current.get(key);
    if (!seen || u.version > seen.version) current.set(key, u);
  }
  return [...current.values()]
    .map((u) => {
      const period = u.reviewPeriodId === null ? undefined : label.get(u.reviewPeriodId);
      return {
        label: period?.label ?? 'Imported with the plan',
        sortKey: period?.starts ?? '',
        rag: u.rag ? RAG_TAGS[u.rag] : null,
        narrative: u.narrative,
        response: u.response,
        state: u.state === 'signed-off' ? 'Signed off' : u.state === 'submitted' ? (u.reviewPeriodId === null ? 'Submitted' : 'Submitted, not yet signed off') : 'Draft',
        date: u.updatedAt.slice(0, 10),
        dateText: formatLong(u.updatedAt.slice(0, 10)),
      };
    })
    .sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
}

export async function commitmentPage(db: Db, access: CommitmentAccess, today = todayIso(), viewer: UpdateViewer = COMMAND_LINE_VIEWER) {
  const { commitment, plan } = access;
  // A plan whose period has ended is shown as at its last day, never "overdue by 2,741 days".
  const asAt = pageAsAt(today, plan.period);
  today = asAt.date;
  const nameOf = names(db);
  const [lead, kpis, milestones, monitoring, updates] = await Promise.all([
    commitment.leadUserId === null ? Promise.resolve(null) : nameOf(commitment.leadUserId),
    kpiViews(db, commitment.id, plan.period?.from ?? null, today),
    milestoneViews(db, commitment.id, today, nameOf),
    monitoringViews(db, commitment.id),
    updateViews(db, commitment.id, plan, viewer),
  ]);
  return { commitment, plan, canEdit: access.canEdit, lead, kpis, milestones, monitoring, updates, asAt: asAt.date, planEnded: asAt.reason === 'plan-ended' };
}
