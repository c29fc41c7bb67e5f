// Storing a plan's review periods. Only writes call this (a plan imported, created or re-dated, or a user asking
// for the periods to be set up): pages that show periods compute the missing ones without storing them.
import type { Kysely } from 'kysely';
import { reviewPeriods, type ReviewPeriod } from '../domain/periods.ts';
import type { PlanRecord } from '../store/records.ts';
import type { Database } from '../store/schema.ts';
import { recordAudit } from '../store/audit-repository.ts';
import * as periods from '../store/review-periods-repository.ts';
import type { ReviewPeriodRecord } from '../store/review-periods-repository.ts';

/** Updates are due this many days after their period ends. */
export const UPDATE_DUE_AFTER_DAYS = 14;

/** The periods the plan's period, cadence and financial-year start call for (none without a plan period). */
export function wantedReviewPeriods(plan: PlanRecord): ReviewPeriod[] {
  return plan.period ? reviewPeriods(plan.period, plan.reviewCadence, plan.fyStartMonth, UPDATE_DUE_AFTER_DAYS) : [];
}

/** The wanted periods not stored yet (by label), earliest first. Reads only. */
export function missingReviewPeriods(plan: PlanRecord, stored: readonly ReviewPeriodRecord[]): ReviewPeriod[] {
  const labels = new Set(stored.map((p) => p.label));
  return wantedReviewPeriods(plan).filter((p) => !labels.has(p.label));
}

/**
 * Stores the periods the plan lacks (call inside the write's transaction). `audit`: record an event of its own
 * when any are added (off when the plan's own import/create/update event already covers the change).
 */
export async function storeMissingReviewPeriods(
  trx: Kysely<Database>,
  plan: PlanRecord,
  userId: number | null,
  opts: { audit: boolean },
): Promise<number> {
  const wanted = wantedReviewPeriods(plan);
  if (wanted.length === 0) return 0;
  const added = await periods.addMissingReviewPeriods(trx, plan.id, wanted);
  if (added > 0 && opts.audit) {
    await recordAudit(trx, {
      organisationId: plan.organisationId,
      userId,
      entity: 'plan',
      entityId: plan.id,
      action: 'generate-review-periods',
      after: { added, cadence: plan.reviewCadence, fyStartMonth: plan.fyStartMonth },
    });
  }
  return added;
}

// ---- changing the cadence or the financial-year start ------------------------------------------------------

/**
 * What new settings would do to the plan's stored periods. A period that has updates (or is signed off) is never
 * dropped or re-labelled: it stays exactly as it is, and new periods that would overlap it are not added, so no
 * stretch of time is reviewed twice.
 */
export interface PeriodChangePlan {
  /** Stored periods the new settings still call for (the same label and dates): unchanged. */
  unchanged: ReviewPeriodRecord[];
  /** Stored periods the new settings no longer call for but that have updates or are signed off: kept as they are. */
  keptWithUpdates: ReviewPeriodRecord[];
  /** Stored periods the new settings no longer call for, with no updates: removed. */
  removed: ReviewPeriodRecord[];
  /**
   * Stored periods with no updates that the new settings no longer call for, but that cover time a new period
   * would have covered had it not overlapped a kept one: kept as they are, so that no stretch goes unreviewed.
   */
  keptToCover: ReviewPeriodRecord[];
  /** Periods the new settings call for that are not stored yet: added. */
  added: ReviewPeriod[];
  /** Periods the new settings call for that overlap a kept period with updates: not added. */
  notAdded: ReviewPeriod[];
}

const overlaps = (a: { from: string; to: string }, b: ReviewPeriodRecord) => a.from <= b.endsOn && b.startsOn <= a.to;

/** Pure: the change from the stored periods to those `plan` (with its new settings) calls for. */
export function planPeriodChange(plan: PlanRecord, stored: readonly ReviewPeriodRecord[], withUpdates: ReadonlySet<number>): PeriodChangePlan {
  const wanted = wantedReviewPeriods(plan);
  const same = (s: ReviewPeriodRecord) => wanted.some((w) => w.label === s.label && w.from === s.startsOn && w.to === s.endsOn);
  const unchanged = stored.filter(same);
  const busy = (s: ReviewPeriodRecord) => withUpdates.has(s.id) || s.status === 'signed-off';
  const keptWithUpdates = stored.filter((s) => !same(s) && busy(s));
  const storedLabels = new Set(unchanged.map((s) => s.label));
  const fresh = wanted.filter((w) => !storedLabels.has(w.label));
  const blocked = (w: ReviewPeriod) => keptWithUpdates.some((k) => overlaps(w, k) || k.label === w.label);
  const notAdded = fresh.filter(blocked);
  const empty = stored.filter((s) => !same(s) && !busy(s));
  const covers = (s: ReviewPeriodRecord) => notAdded.some((w) => overlaps(w, s));
  return {
    unchanged,
    keptWithUpdates,
    keptToCover: empty.filter(covers),
    removed: empty.filter((s) => !covers(s)),
    added: fresh.filter((w) => !blocked(w)),
    notAdded,
  };
}

/** Whether stored periods would change at all (a plan with no periods yet simply gets the new ones). */
export function periodsWouldChange(change: PeriodChangePlan): boolean {
  const stored = change.unchanged.length + change.keptWithUpdates.length + change.keptToCover.length + change.removed.length;
  return stored > 0 && change.removed.length + change.added.length + change.keptWithUpdates.length + change.notAdded.length + change.keptToCover.length > 0;
}

/** Reads the stored periods and which have updates, and plans the change to `plan`'s settings. Reads only. */
export async function periodChangeFor(db: Kysely<Database>, plan: PlanRecord): Promise<PeriodChangePlan> {
  const [stored, withUpdates] = await Promise.all([periods.listReviewPeriods(db, plan.id), periods.periodsWithUpdates(db, plan.id)]);
  return planPeriodChange(plan, stored, withUpdates);
}

/**
 * Applies the change to the plan's new settings (call inside the settings' transaction, after they are stored):
 * removes the empty periods no longer called for and adds the new ones that overlap nothing kept.
 */
export async function reconcileReviewPeriods(trx: Kysely<Database>, plan: PlanRecord, userId: number | null): Promise<PeriodChangePlan> {
  const change = await periodChangeFor(trx, plan);
  await periods.deleteEmptyReviewPeriods(trx, plan.id, change.removed.map((p) => p.id));
  if (change.added.length > 0) await periods.addMissingReviewPeriods(trx, plan.id, change.added);
  if (periodsWouldChange(change)) {
    await recordAudit(trx, {
      organisationId: plan.organisationId,
      userId,
      entity: 'plan',
      entityId: plan.id,
      action: 'reconcile-review-periods',
      after: {
        cadence: plan.reviewCadence,
        fyStartMonth: plan.fyStartMonth,
        removed: change.removed.map((p) => p.label),
        added: change.added.map((p) => p.label),
        keptWithUpdates: change.keptWithUpdates.map((p) => p.label),
        keptToCover: change.keptToCover.map((p) => p.label),
        notAdded: change.notAdded.map((p) => p.label),
      },
    });
  }
  return change;
}
