// What the period page shows: each commitment as a task with its update's stage, the counts, and whether the
// period can be signed off (and if not, why not).
import { ragLabel } from '../../../domain/rag.ts';
import type { PeriodTaskList, ReviewTask } from '../../../services/reviews.ts';
import { STAGE_STATUS } from './tags.ts';
import { periodUrl, plansReviewsUrl, updateUrl } from './urls.ts';

function hint(task: ReviewTask): string {
  const parts: string[] = [];
  if (task.update?.rag) parts.push(`RAG: ${ragLabel(task.update.rag)}`);
  if (task.hasResponse) parts.push('the organisation has responded');
  else if (task.stage === 'submitted') parts.push('awaiting the organisation’s response');
  const text = parts.join('; ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

function notice(list: PeriodTaskList, kind: string | undefined, commitmentId: number | undefined): string | null {
  const task = list.tasks.find((t) => t.commitment.id === commitmentId);
  if (!task) return null;
  if (kind === 'submitted') return `Update for commitment ${task.commitment.number} submitted`;
  if (kind === 'draft-saved') return `Draft saved for commitment ${task.commitment.number}`;
  return null;
}

export function periodPage(list: PeriodTaskList, query: { notice?: string; commitment?: number } = {}) {
  const { counts, tasks, period } = list;
  return {
    pageTitle: `${period.label} review - ${list.plan.title}`,
    list,
    notice: notice(list, query.notice, query.commitment),
    done: counts.submitted + counts['signed-off'],
    tasks: tasks.map((t) => ({
      id: t.commitment.id,
      title: `${t.commitment.number}. ${t.commitment.title}`,
      href: updateUrl(period.id, t.commitment.id),
      hint: hint(t),
      status: STAGE_STATUS[t.stage],
    })),
    urls: {
      periods: plansReviewsUrl(list.plan.id),
      signOff: `${periodUrl(period.id)}/sign-off`,
      comparison: `${periodUrl(period.id)}/comparison`,
      plan: `/plans/${list.plan.id}`,
    },
  };
}
