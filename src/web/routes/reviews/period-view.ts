// What the period page shows: a task list for each role (the reviewer's updates to write, submit and sign off;
// the owner's responses to write, each with its link and a count of what remains), every commitment's update
// with its stage, updates returned to draft with the reason, and whether the period can be signed off.
import { ragLabel } from '../../../domain/rag.ts';
import type { PeriodTaskList, ReviewTask } from '../../../services/review-service.ts';
import { formatDate } from '../../format.ts';
import { STAGE_STATUS } from './tags.ts';
import { periodUrl, plansReviewsUrl, updateUrl } from './urls.ts';

function hint(task: ReviewTask): string {
  const parts: string[] = [];
  if (task.update?.rag) parts.push(`RAG: ${ragLabel(task.update.rag)}`);
  if (task.hasResponse) parts.push('the organisation has responded');
  else if (task.stage === 'submitted') parts.push('awaiting the organisation’s response');
  if (task.stage === 'draft' && task.withdrawals.length > 0) parts.push('returned to draft');
  const text = parts.join('; ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The banner after a step that returns to this page: what was done, and what happens next. */
function notice(list: PeriodTaskList, kind: string | undefined, commitmentId: number | undefined): { title: string; next: string } | null {
  const task = list.tasks.find((t) => t.commitment.id === commitmentId);
  if (!task) return null;
  const left = list.tasks.filter((t) => t.stage === 'not-started' || t.stage === 'draft').length;
  const next =
    left > 0
      ? `The organisation can now respond to it. ${plural(left, 'update')} still to write or submit before you can sign off ${list.period.label}.`
      : `The organisation can now respond to it. Every update is submitted: you can sign off ${list.period.label}.`;
  if (kind === 'submitted') return { title: `Update for commitment ${task.commitment.number} submitted`, next };
  if (kind === 'draft-saved') {
    return { title: `Draft saved for commitment ${task.commitment.number}`, next: 'Only reviewers can see a draft. Submit it when it is ready, from its page or the list below.' };
  }
  return null;
}

export function periodPage(list: PeriodTaskList, query: { notice?: string; commitment?: number } = {}) {
  const { counts, tasks, period } = list;
  const open = !list.locked;
  const toRespond = tasks.filter((t) => t.stage === 'submitted');
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
    // The reviewer's part: write, submit, sign off.
    reviewer: list.rights.write && open
      ? {
          toWrite: tasks.filter((t) => t.stage === 'not-started').map((t) => ({ text: `${t.commitment.number}. ${t.commitment.title}`, href: updateUrl(period.id, t.commitment.id) })),
          toSubmit: tasks.filter((t) => t.stage === 'draft').map((t) => ({ number: t.commitment.number, href: `${updateUrl(period.id, t.commitment.id)}/check` })),
        }
      : null,
    // The owner's part: a response to each submitted update, until the period is signed off.
    owner: list.rights.respond && open
      ? {
          remaining: list.responsesRemaining,
          waiting: tasks.length - toRespond.length,
          items: toRespond.map((t) => ({
            id: t.commitment.id,
            text: `Respond to commitment ${t.commitment.number}: ${t.commitment.title}`,
            href: `${updateUrl(period.id, t.commitment.id)}#response`,
            status: t.awaitingResponse ? { tag: { text: 'Response needed', classes: 'govuk-tag--blue' } } : { text: 'Responded' },
          })),
        }
      : null,
    withdrawals: tasks.flatMap((t) =>
      t.withdrawals.map((w) => ({
        id: t.commitment.id,
        text: `The update for commitment ${t.commitment.number} was returned to draft on ${formatDate(w.at)}`,
        reason: w.reason,
        href: updateUrl(period.id, t.commitment.id),
      })),
    ),
    urls: {
      periods: plansReviewsUrl(list.plan.id),
      signOff: `${periodUrl(period.id)}/sign-off`,
      comparison: `${periodUrl(period.id)}/comparison`,
      plan: `/plans/${list.plan.id}`,
    },
  };
}
