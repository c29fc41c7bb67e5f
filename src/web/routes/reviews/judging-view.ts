// The update page's evidence, as GOV.UK summary lists and details: each milestone due in or before the period
// (status, current and baseline dates, re-dates and evidence in the period), each KPI's readings up to the period's
// end against its trajectory, monitoring evidence in the period, the previous period's update and response, and
// the suggestion's reasons with the full texts of the milestones they name, linked to them on this page.
import { formatKpiNumber } from '../../../domain/kpi.ts';
import type { DueWindow } from '../../../domain/types.ts';
import type { EvidenceRecord } from '../../../domain/records.ts';
import type { Judging, JudgedKpi, UpdateFormData } from '../../../services/review-service.ts';
import { formatDate, formatPeriod } from '../../format.ts';
import { KPI_STATE_TAGS, MILESTONE_STATUS_TAGS } from '../commitments/tags.ts';
import { ragTag } from './tags.ts';
import { updateUrl } from './urls.ts';

function dueText(due: DueWindow | null): string {
  if (!due) return 'No date';
  return due.from === due.to ? formatDate(due.to) : formatPeriod(due);
}

function evidenceLine(e: EvidenceRecord): { date: string; note: string; link: string | null; file: string | null } {
  return { date: formatDate(e.date), note: e.note ?? '', link: e.link, file: e.filePath ? `/evidence/${e.id}/file` : null };
}

function unitText(unit: string | null): string {
  if (!unit) return '';
  return unit === '%' ? '%' : ` ${unit}`;
}

function kpiView(k: JudgedKpi) {
  const unit = unitText(k.record.unit);
  const n = (v: number | null) => (v === null ? 'Not set' : `${formatKpiNumber(v)}${unit}`);
  return {
    id: k.record.id,
    name: k.name,
    text: k.record.text,
    baseline: n(k.record.baseline),
    target: k.record.target === null ? 'Not set' : `${n(k.record.target)}${k.record.targetDate ? ` by ${formatDate(k.record.targetDate)}` : ''}`,
    status: k.status ? KPI_STATE_TAGS[k.status.state] : KPI_STATE_TAGS['not-set-up'],
    statusReason: k.status?.reason ?? 'Without a baseline, a target and a target date this KPI has no trajectory to be judged against.',
    readings: k.readings.map((r) => ({
      date: formatDate(r.date),
      value: `${formatKpiNumber(r.value)}${unit}`,
      expected: r.expected === null ? 'No trajectory' : `${formatKpiNumber(r.expected)}${unit}`,
      note: r.note ?? '',
    })),
  };
}

export function judgingView(data: UpdateFormData) {
  const j: Judging = data.judging;
  const scheme = data.plan.ragScheme;
  const previous = j.previous;
  return {
    asOf: formatDate(j.asOf),
    running: j.asOf < data.period.endsOn,
    reasons: j.reasons.map((r) => ({ text: r.text, milestones: r.milestones.map((m) => ({ text: m.text, href: `#milestone-${m.id}` })) })),
    milestones: j.milestones.map((m) => ({
      id: m.record.id,
      text: m.record.text,
      status: MILESTONE_STATUS_TAGS[m.record.status],
      doneOn: m.record.doneOn ? formatDate(m.record.doneOn) : null,
      due: dueText(m.record.due),
      dueAtPeriodEnd: m.dueAtPeriodEnd && m.record.due && (m.dueAtPeriodEnd.from !== m.record.due.from || m.dueAtPeriodEnd.to !== m.record.due.to) ? dueText(m.dueAtPeriodEnd) : null,
      baseline: dueText(m.record.baseline),
      recurring: m.record.recurrence,
      redates: m.redatesInPeriod.map((r) => `${formatDate(r.changedAt)}: from ${dueText(r.oldDue)} to ${dueText(r.newDue)}. Reason: ${r.reason}`),
      evidence: m.evidenceInPeriod.map(evidenceLine),
    })),
    laterMilestones: j.laterMilestones,
    kpis: j.kpis.map(kpiView),
    monitoring: j.monitoring.map((item) => ({ id: item.id, text: item.text, evidence: item.evidence.map(evidenceLine) })),
    monitoringEvidenceCount: j.monitoring.reduce((n, i) => n + i.evidence.length, 0),
    previous: previous
      ? {
          label: previous.period.label,
          href: updateUrl(previous.period.id, data.commitment.id),
          rag: previous.update ? ragTag(scheme, previous.update.rag) : null,
          narrative: previous.update?.narrative ?? null,
          response: previous.update?.response ?? null,
          state: previous.update?.state ?? null,
        }
      : null,
  };
}
