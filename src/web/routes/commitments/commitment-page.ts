// What the commitment page shows, shaped for the template from the tracking service's read model: KPIs with
// their status tag, chart and table; milestones with due, status, re-dating and evidence; monitoring items with
// evidence; and the progress-update history. Nothing here reads data or the clock.
import type { CommitmentPage } from '../../../services/commitment-view.ts';
import type { EvidenceRecord, MilestoneRecord, MilestoneRedateRecord } from '../../../domain/records.ts';
import { formatLong } from '../../../domain/dates/index.ts';
import { downloadName } from '../../../services/evidence-files.ts';
import { formatDue } from '../milestones/due-entry.ts';
import { inlineSafeSvg } from './inline-svg.ts';
import { KPI_STATE_TAGS, MILESTONE_STATUS_TAGS, OVERDUE_TAG, RAG_TAGS, type Tag } from './tags.ts';

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

/** "baseline 31 May 2019 → now 30 Jun 2019 (reason, who)" when the milestone was re-dated. */
export function redateSummary(m: MilestoneRecord, redates: readonly MilestoneRedateRecord[], by: string | null): string | null {
  const last = redates.at(-1);
  if (!last) return null;
  return `baseline ${formatDue(m.baseline)} → now ${formatDue(m.due)} (${last.reason}, ${by ?? 'unknown'})`;
}

async function kpiViews(kpis: CommitmentPage['kpis']) {
  if (kpis.length === 0) return [];
  // The chart code (ECharts, a large library) loads on the first page that shows a KPI, not at start.
  const { kpiTableRows, renderKpiChart } = await import('../../charts/kpi-chart.ts');
  return kpis.map(({ kpi, readings, measurable, status }) => {
    const title = kpi.unit ? `${kpi.text} (${kpi.unit})` : kpi.text;
    const rows = measurable
      ? kpiTableRows(measurable, readings)
      : readings.map((r) => ({ dateLabel: formatLong(r.date), valueText: String(r.value), expectedText: '', onTrajectory: null }));
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
  });
}

function milestoneViews(milestones: CommitmentPage['milestones']) {
  return milestones.map(({ milestone: m, redates, lastRedateBy, overdue, evidence }) => ({
    id: m.id,
    text: m.text,
    due: formatDue(m.due) + (m.recurrence ? ` (${m.recurrence})` : ''),
    redated: redateSummary(m, redates, lastRedateBy),
    redateCount: redates.length,
    status: MILESTONE_STATUS_TAGS[m.status],
    doneOn: m.doneOn ? formatLong(m.doneOn) : null,
    overdue: overdue ? OVERDUE_TAG : null,
    isDone: m.status === 'done',
    evidence: evidence.map(evidenceView),
  }));
}

function updateViews(updates: CommitmentPage['updates']) {
  return updates.map(({ update: u, periodLabel }) => ({
    label: periodLabel ?? 'Imported with the plan',
    rag: u.rag ? RAG_TAGS[u.rag] : null,
    narrative: u.narrative,
    response: u.response,
    state:
      u.state === 'signed-off' ? 'Signed off'
      : u.state === 'submitted' ? (u.reviewPeriodId === null ? 'Submitted' : 'Submitted, not yet signed off')
      : 'Draft',
    date: u.updatedAt.slice(0, 10),
    dateText: formatLong(u.updatedAt.slice(0, 10)),
  }));
}

/** Everything show.njk needs. */
export async function commitmentPageView(page: CommitmentPage) {
  const { commitment, plan, canEdit, lead, asAt, planEnded } = page;
  return {
    commitment,
    plan,
    canEdit,
    lead,
    kpis: await kpiViews(page.kpis),
    milestones: milestoneViews(page.milestones),
    monitoring: page.monitoring.map(({ item, evidence }) => ({ id: item.id, text: item.text, evidence: evidence.map(evidenceView) })),
    updates: updateViews(page.updates),
    asAt,
    planEnded,
  };
}
