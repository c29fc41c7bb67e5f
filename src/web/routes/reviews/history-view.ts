// The history page's timeline: newest period first; within a period, the current version first and the
// versions it corrected after it.
import { withdrawalsIn, type HistoryEntry, type ReviewUpdateRecord } from '../../../services/review-service.ts';
import type { CommitmentRecord, PlanRecord } from '../../../domain/records.ts';
import { formatDate } from '../../format.ts';
import { ragTag } from './tags.ts';
import { updateUrl } from './urls.ts';

const STATES: Record<ReviewUpdateRecord['state'], string> = { draft: 'In progress', submitted: 'Submitted', 'signed-off': 'Signed off' };

function versionTitle(u: ReviewUpdateRecord, count: number, returned: ReadonlySet<number>): string | null {
  if (count === 1) return null;
  if (returned.has(u.version)) return `Version ${u.version} (returned to draft)`;
  if (u.version === 1) return 'Version 1 (original)';
  return returned.has(u.version - 1) ? `Version ${u.version} (after return to draft)` : `Version ${u.version} (correction)`;
}

export function historyPage(history: HistoryEntry[], commitment: CommitmentRecord, plan: PlanRecord, showDrafts: boolean) {
  const items = [...history].reverse().flatMap((entry) => {
    const versions = entry.versions.filter((u) => showDrafts || u.state !== 'draft');
    const returned = new Set(withdrawalsIn(entry.versions).map((w) => w.version));
    return [...versions].reverse().map((u) => ({
      title: entry.period?.label ?? 'Imported with the plan',
      version: versionTitle(u, versions.length, returned),
      state: STATES[u.state],
      date: u.updatedAt,
      dateText: formatDate(u.updatedAt),
      rag: ragTag(plan.ragScheme, u.rag),
      suggested: ragTag(plan.ragScheme, u.suggestedRag),
      overrideReason: u.ragOverrideReason,
      narrative: u.narrative,
      response: u.response,
      correctionReason: returned.has(u.version - 1) ? null : u.correctionReason,
      returnReason: returned.has(u.version - 1) ? u.correctionReason : null,
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
