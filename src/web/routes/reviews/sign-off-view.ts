// The check-your-answers page before sign-off: every commitment's RAG, update and the organisation's response,
// and what signing off locks.
import { ragLabel } from '../../../domain/rag.ts';
import type { PeriodTaskList } from '../../../services/review-service.ts';
import { RAG_CLASSES } from './tags.ts';
import { periodUrl, updateUrl } from './urls.ts';

export function signOffCheckPage(list: PeriodTaskList) {
  const { period, tasks } = list;
  const commitments = tasks.map((t) => ({
    id: t.commitment.id,
    title: `${t.commitment.number}. ${t.commitment.title}`,
    rag: t.update?.rag ? { text: ragLabel(t.update.rag), classes: RAG_CLASSES[t.update.rag] } : null,
    narrative: t.update?.narrative ?? '',
    response: t.update?.response ?? null,
    href: updateUrl(period.id, t.commitment.id),
  }));
  return {
    pageTitle: `Check before signing off ${period.label} - ${list.plan.title}`,
    list,
    commitments,
    responded: commitments.filter((c) => c.response).length,
    urls: { period: periodUrl(period.id), signOff: `${periodUrl(period.id)}/sign-off` },
  };
}
