// Returning a submitted update to draft ("withdrawing" it) before the period is signed off keeps the submitted
// version as it was and starts a new draft version carrying the reason. So a withdrawal is read from the
// versions themselves: a submitted version that has a later version was withdrawn, for the reason the later one
// carries. (A correction follows a signed-off version, so the two are never confused.)
import { REASON_MAX, type Checked } from '../../domain/update-flow.ts';
import type { ReviewUpdateRecord } from '../../store/progress-updates-repository.ts';

export interface Withdrawal {
  /** The version that was submitted and then returned to draft. */
  version: number;
  reason: string;
  at: string;
  by: number | null;
}

/** The withdrawals among one commitment's versions in one period (any order), oldest first. */
export function withdrawalsIn(versions: readonly ReviewUpdateRecord[]): Withdrawal[] {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const out: Withdrawal[] = [];
  sorted.forEach((v, i) => {
    const next = sorted[i + 1];
    if (v.state === 'submitted' && next) out.push({ version: v.version, reason: next.correctionReason ?? '', at: next.createdAt, by: next.createdBy });
  });
  return out;
}

/** Whether `version` was withdrawn (it stays submitted, superseded by a later version). */
export function wasWithdrawn(version: ReviewUpdateRecord, versions: readonly ReviewUpdateRecord[]): boolean {
  return version.state === 'submitted' && versions.some((v) => v.commitmentId === version.commitmentId && v.reviewPeriodId === version.reviewPeriodId && v.version > version.version);
}

/** Checks the reason for returning an update to draft: needed, and no longer than any other reason. */
export function checkWithdrawalReason(reason: string | null | undefined): Checked<string> {
  const text = (reason ?? '').trim();
  if (text === '') return { ok: false, errors: [{ field: 'reason', message: 'Enter why you are returning this update to draft' }] };
  if (text.length > REASON_MAX) return { ok: false, errors: [{ field: 'reason', message: `Reason must be ${REASON_MAX.toLocaleString('en-GB')} characters or fewer` }] };
  return { ok: true, value: text };
}
