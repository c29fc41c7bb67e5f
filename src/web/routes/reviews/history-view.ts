// The history page's timeline: newest period first; within a period, the current version first and the
// versions it corrected after it.
import type { HistoryEntry, ReviewUpdateRecord } from '../../../services/reviews.ts';
import type { CommitmentRecord, PlanRecord } from '../../../store/records.ts';
import { formatDate } from '../../format.ts';
import { ragTag } from './tags.ts';
import { updateUrl } from './urls.ts';

const STATES: Record<ReviewUpdateRecord['state'], string> = { draft: 'In progress', submitted: 'Submitted', 'signed-off': 'Signed off' };

function versionTitle(u: ReviewUpdateRecord, count: number): string | null {
  if (count === 1) return null;
  return u.version === 1 ? 'Version 1 (original)' : `Version ${u.version} (correction)`;
}

export function historyPage(history: HistoryEntry[], commitment: CommitmentRecord, plan: PlanRecord, showDrafts: boolean) {
  const items = [...history].reverse().flatMap((entry) => {
    const versions = entry.versions.filter((u) => showDrafts || u.state !== 'draft');
    return [...versions].reverse().map((u) => ({
      title: entry.period?.label ?? 'Imported with the plan',
      version: versionTitle(u, versions.length),
      state: STATES[u.state],
      date: u.updatedAt,
      dateText: formatDate(u.updatedAt),
      rag: ragTag(plan.ragScheme, u.rag),
      suggested: ragTag(plan.ragScheme, u.suggestedRag),
      overrideReason: u.ragOverrideReason,
      narrative: u.narrative,
      response: u.response,
      correctionReason: u.correctionReason,
      href: entry.period ? updateUrl(entry.period.id, commitment.id) : null,
    }));
  });
  return {
    pageTitle: `Progress updates: commitment ${commitment.number} - ${plan.title}`,
    commitment,
    plan,
    items,
  };
}
