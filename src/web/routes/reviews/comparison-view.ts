// What the comparison page shows for each commitment: its RAG in the previous period and this one, and the
// milestones completed, slipped or re-dated and KPI readings added during this period.
import { formatKpiNumber } from '../../../domain/kpi.ts';
import type { RagMove } from '../../../domain/period-comparison.ts';
import type { DueWindow } from '../../../domain/types.ts';
import type { PeriodComparison } from '../../../services/review-service.ts';
import type { PlanRecord } from '../../../domain/records.ts';
import { formatDate, formatPeriod } from '../../format.ts';
import { ragTag } from './tags.ts';
import { periodUrl, plansReviewsUrl } from './urls.ts';

const MOVES: Record<RagMove, string> = {
  improved: 'Improved',
  worsened: 'Worsened',
  unchanged: 'No change',
  first: 'First rating',
  none: 'No update yet in this period',
};

function dueText(due: DueWindow | null): string {
  if (!due) return 'no date';
  return due.from === due.to ? formatDate(due.to) : formatPeriod(due);
}

export function comparisonPage({ period, previous, changes }: PeriodComparison, plan: PlanRecord) {
  const scheme = plan.ragScheme;
  const commitments = changes.commitments.map((c) => {
    const completed = c.completed.map((m) => `${m.text} (done ${formatDate(m.doneOn)})`);
    const slipped = c.slipped.map((m) => `${m.text} (due ${dueText(m.due)})`);
    const redated = c.redated.map((r) => `${r.text}: from ${dueText(r.oldDue)} to ${dueText(r.newDue)} on ${formatDate(r.changedOn)}. Reason: ${r.reason}`);
    const readings = c.readings.map((r) => `${r.kpiName}: ${formatKpiNumber(r.value)} on ${formatDate(r.date)}`);
    return {
      id: c.commitmentId,
      title: `${c.number}. ${c.title}`,
      from: ragTag(scheme, c.rag.from),
      to: ragTag(scheme, c.rag.to),
      move: MOVES[c.rag.move],
      completed,
      slipped,
      redated,
      readings,
      changed: completed.length + slipped.length + redated.length + readings.length > 0,
    };
  });
  return {
    pageTitle: `What changed in ${period.label} - ${plan.title}`,
    plan,
    period,
    previous,
    totals: changes.totals,
    commitments,
    anyChanged: commitments.some((c) => c.changed),
    urls: { period: periodUrl(period.id), periods: plansReviewsUrl(plan.id), previous: previous ? `${periodUrl(previous.id)}` : null },
  };
}
