// The demo plan (as imported) with a review history that holds every state of a progress update at once, each
// update carrying a marker word: Q1 signed off, commitment 1's Q1 update then corrected (original and correction),
// Q2 with commitment 1's update submitted (not signed off) and commitment 2's a reviewer's draft. Published.
import { afterAll, beforeAll } from 'vitest';
import type { Rag } from '../../src/domain/types.ts';
import { loadUser, type CurrentUser } from '../../src/services/accounts.ts';
import { createDemoBase } from '../../src/services/demo.ts';
import { correctUpdate, ensureReviewPeriods, saveUpdate, signOffPeriod, submitUpdate } from '../../src/services/reviews/index.ts';
import { findUserByEmail } from '../../src/store/users-repository.ts';
import { getPlan, updatePlan } from '../../src/store/plans-repository.ts';
import type { PlanDetail } from '../../src/store/records.ts';
import type { Store } from '../../src/store/database.ts';
import { createTestApp, type TestApp } from '../web/support.ts';

export const MARKERS = {
  draft: 'SECRETDRAFTQTWO',
  submitted: 'SUBMITTEDQTWOTEXT',
  signedCurrent: 'SIGNEDQONECORRECTED',
  signedEarlier: 'SIGNEDQONEORIGINAL',
} as const;

export interface Ids {
  planId: number;
  c1: number;
  c2: number;
  q1: number;
  q2: number;
}

export async function userByEmail(store: Store, email: string): Promise<CurrentUser> {
  const row = await findUserByEmail(store.db, email);
  const user = row && (await loadUser(store.db, row.id));
  if (!user) throw new Error(`no user ${email}`);
  return user;
}

/** Q1 signed off (commitment 1 then corrected), Q2 with commitment 1 submitted and commitment 2 a draft. */
export async function reviewedDemo(store: Store): Promise<Ids> {
  const { planId } = await createDemoBase(store);
  if (planId === null) throw new Error('demo plan not loaded');
  const reviewer = await userByEmail(store, 'reviewer@demo.example');
  const plan = (await getPlan(store.db, planId)) as PlanDetail;
  const [q1, q2] = await ensureReviewPeriods(store.db, planId);
  if (!q1 || !q2) throw new Error('no review periods');
  const [first, second] = plan.commitments;
  if (!first || !second) throw new Error('too few commitments');
  const write = async (commitmentId: number, periodId: number, rag: Rag, narrative: string, today: string) => {
    const saved = await saveUpdate(store.db, reviewer, { commitmentId, periodId, rag, narrative, ragOverrideReason: 'Agreed at the review meeting' }, { today });
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  };
  for (const c of plan.commitments) {
    await write(c.id, q1.id, 'green', c.id === first.id ? `${MARKERS.signedEarlier} chair appointed` : 'On track', '2024-07-10');
    await submitUpdate(store.db, reviewer, c.id, q1.id);
  }
  const signed = await signOffPeriod(store.db, reviewer, q1.id);
  if (!signed.ok) throw new Error(JSON.stringify(signed.errors));
  const corrected = await correctUpdate(
    store.db,
    reviewer,
    { commitmentId: first.id, periodId: q1.id, rag: 'green', narrative: `${MARKERS.signedCurrent} chair appointed in June`, ragOverrideReason: 'Agreed', correctionReason: 'Wrong month' },
    { today: '2024-07-20' },
  );
  if (!corrected.ok) throw new Error(JSON.stringify(corrected.errors));
  await write(first.id, q2.id, 'amber', `${MARKERS.submitted} recruitment slipping`, '2024-10-10');
  await submitUpdate(store.db, reviewer, first.id, q2.id);
  await write(second.id, q2.id, 'red', `${MARKERS.draft} not for anyone else yet`, '2024-10-10');
  await updatePlan(store.db, planId, { published: true });
  return { planId, c1: first.id, c2: second.id, q1: q1.id, q2: q2.id };
}

/** Remembers TRACKER_TODAY as it is now; the function returned puts it back (unset if it was unset). */
export function keepTrackerToday(): () => void {
  const saved = process.env.TRACKER_TODAY;
  return () => {
    if (saved === undefined) delete process.env.TRACKER_TODAY;
    else process.env.TRACKER_TODAY = saved;
  };
}

export interface ReviewedDemoApp extends TestApp {
  ids: Ids;
}

/**
 * Starts an app over the reviewed demo before the enclosing block's tests (with TRACKER_TODAY set to `today` if
 * given) and closes it after them, putting TRACKER_TODAY back. The object returned is filled in once the tests
 * begin, so a block can hold on to it.
 */
export function reviewedDemoAppForAllTests(today?: string): ReviewedDemoApp {
  const reviewed = {} as ReviewedDemoApp;
  const restoreTrackerToday = keepTrackerToday();
  beforeAll(async () => {
    if (today !== undefined) process.env.TRACKER_TODAY = today;
    const t = await createTestApp();
    Object.assign(reviewed, t, { ids: await reviewedDemo(t.store) });
  }, 60_000);
  afterAll(async () => {
    restoreTrackerToday();
    await reviewed.close();
  });
  return reviewed;
}
