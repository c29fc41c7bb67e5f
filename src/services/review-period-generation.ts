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
