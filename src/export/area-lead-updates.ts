// The Area Lead column: which progress updates an export shows and how each is labelled
// ("2019/20 Q1 (Amber): narrative"). Per commitment and period only the latest version counts; drafts are the
// reviewer's work in progress and are left out. Updates imported with the plan (no period) keep their text as
// written, so that exporting and re-importing a plan gives the same text back.
import { ragLabel } from '../domain/rag.ts';
import type { Rag } from '../domain/types.ts';
import type { CommitmentDetail, ProgressUpdateRecord } from '../domain/records.ts';
import type { ExportPlan, ReviewPeriodRef } from './export-plan.ts';

/** 'all': every period (and the imported updates); a label: that period only. */
export type PeriodChoice = string | 'all';

export interface AreaLeadEntry {
  /** "2019/20 Q1 (Amber)", or null for an update imported with the plan. */
  label: string | null;
  period: ReviewPeriodRef | null;
  rag: Rag | null;
  text: string;
  update: ProgressUpdateRecord;
}

export class UnknownPeriodError extends Error {
  constructor(label: string, known: readonly string[]) {
    super(
      known.length === 0
        ? `There is no review period "${label}": the plan has no review periods yet`
        : `There is no review period "${label}" in this plan; it has ${known.join(', ')}`,
    );
    this.name = 'UnknownPeriodError';
  }
}

/** The period named by `choice`, or null for 'all'. Throws UnknownPeriodError for a label the plan lacks. */
export function choosePeriod(plan: ExportPlan, choice: PeriodChoice = 'all'): ReviewPeriodRef | null {
  if (choice === 'all') return null;
  const periods = plan.reviewPeriods ?? [];
  const wanted = choice.trim().toLowerCase();
  const found = periods.find((p) => p.label.toLowerCase() === wanted);
  if (!found) throw new UnknownPeriodError(choice, periods.map((p) => p.label));
  return found;
}

/** "2019/20 Q1 (Amber)"; "Review period" when the period is not among those given. */
function entryLabel(period: ReviewPeriodRef | null, update: ProgressUpdateRecord): string {
  const name = period?.label ?? 'Review period';
  return update.rag ? `${name} (${ragLabel(update.rag)})` : name;
}

/** The commitment's updates to show, oldest period first; imported updates (no period) before the rest. */
export function areaLeadEntries(plan: ExportPlan, commitment: CommitmentDetail, choice: PeriodChoice = 'all'): AreaLeadEntry[] {
  const chosen = choosePeriod(plan, choice);
  const periods = new Map((plan.reviewPeriods ?? []).map((p) => [p.id, p]));
  const latest = new Map<number | null, ProgressUpdateRecord>();
  for (const u of commitment.updates) {
    if (u.state === 'draft') continue;
    if (u.reviewPeriodId === null) continue;
    const seen = latest.get(u.reviewPeriodId);
    if (!seen || u.version > seen.version) latest.set(u.reviewPeriodId, u);
  }
  const imported = chosen ? [] : commitment.updates.filter((u) => u.reviewPeriodId === null && u.state !== 'draft');
  const ofPeriods = [...latest.values()]
    .filter((u) => !chosen || u.reviewPeriodId === chosen.id)
    .map((u) => ({ u, period: u.reviewPeriodId === null ? null : (periods.get(u.reviewPeriodId) ?? null) }))
    .sort((a, b) => (a.period?.from ?? '').localeCompare(b.period?.from ?? '') || a.u.id - b.u.id);
  return [
    ...imported.map((u) => ({ label: null, period: null, rag: u.rag, text: u.narrative, update: u })),
    ...ofPeriods.map(({ u, period }) => ({
      label: entryLabel(period, u),
      period,
      rag: u.rag,
      text: u.narrative,
      update: u,
    })),
  ];
}

/** The RAG the commitment stands at: its latest entry's (null when none has one). */
export function currentRag(plan: ExportPlan, commitment: CommitmentDetail): Rag | null {
  return currentRating(plan, commitment)?.rag ?? null;
}

export interface Rating {
  rag: Rag;
  /** False for a submitted update the reviewer has not signed off yet. */
  signedOff: boolean;
}

/** The commitment's latest rating, and whether it is signed off (null when no update has a RAG). */
export function currentRating(plan: ExportPlan, commitment: CommitmentDetail): Rating | null {
  const latest = areaLeadEntries(plan, commitment, 'all').filter((e) => e.rag !== null).at(-1);
  return latest?.rag ? { rag: latest.rag, signedOff: latest.update.state === 'signed-off' } : null;
}

/** The commitment's latest signed-off rating (null when none is signed off). */
export function signedOffRag(plan: ExportPlan, commitment: CommitmentDetail): Rag | null {
  const latest = areaLeadEntries(plan, commitment, 'all').filter((e) => e.rag !== null && e.update.state === 'signed-off').at(-1);
  return latest?.rag ?? null;
}

/** "Amber", or "Amber (not yet signed off)" for a rating from a submitted update. */
export function ratingText(rating: Rating | null): string | null {
  if (!rating) return null;
  return rating.signedOff ? ragLabel(rating.rag) : `${ragLabel(rating.rag)} (not yet signed off)`;
}
