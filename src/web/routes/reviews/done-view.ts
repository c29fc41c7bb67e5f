// The return-to-draft form, and the confirmation pages after a response is saved or an update is returned to
// draft: what was done, who was told, and what happens next (for the owner, the next response to write).
import { REASON_MAX } from '../../../domain/update-flow.ts';
import type { PeriodTaskList, UpdateFormData } from '../../../services/review-service.ts';
import { mailText } from './mail-outcome.ts';
import type { DoneQuery } from './schemas.ts';
import { periodUrl, updateUrl } from './urls.ts';
import { versionView } from './update-view.ts';

export function returnPage(data: UpdateFormData, reason: string) {
  const { period, commitment } = data;
  const base = updateUrl(period.id, commitment.id);
  return {
    pageTitle: `Return the update to draft: commitment ${commitment.number} - ${period.label}`,
    data,
    reason,
    limit: REASON_MAX,
    answers: data.update ? versionView(data, data.update) : null,
    urls: { update: base, action: `${base}/return-to-draft`, period: periodUrl(period.id) },
  };
}

export function donePage(data: UpdateFormData, list: PeriodTaskList, query: DoneQuery) {
  const { period, commitment } = data;
  const base = updateUrl(period.id, commitment.id);
  const next = list.tasks.find((t) => t.awaitingResponse && t.commitment.id !== commitment.id);
  const common = {
    data,
    commitmentTitle: `${commitment.number}. ${commitment.title}`,
    urls: { update: base, period: periodUrl(period.id) },
  };
  if (query.notice === 'returned') {
    return {
      ...common,
      pageTitle: `Update returned to draft: commitment ${commitment.number} - ${period.label}`,
      panel: 'Update returned to draft',
      mail: mailText(query, 'the organisation’s plan owners'),
      next: [
        'The update is a draft again: change it, check it and submit it again. Only reviewers can see it until then.',
        'The submitted version stays in the update’s history, with your reason.',
        `You can sign off ${period.label} once every update is submitted again.`,
      ],
      nextLink: { text: 'Change the update', href: base },
      response: null,
    };
  }
  return {
    ...common,
    pageTitle: `Response saved: commitment ${commitment.number} - ${period.label}`,
    panel: 'Response saved',
    mail: null,
    response: data.update?.response ?? null,
    remaining: list.responsesRemaining,
    next: [
      `You can change your response until the reviewer signs off ${period.label}.`,
      list.responsesRemaining === 0
        ? 'You have responded to every submitted update.'
        : `${list.responsesRemaining} ${list.responsesRemaining === 1 ? 'response' : 'responses'} remaining.`,
    ],
    nextLink: next
      ? { text: `Respond to commitment ${next.commitment.number}: ${next.commitment.title}`, href: `${updateUrl(period.id, next.commitment.id)}#response` }
      : null,
  };
}
