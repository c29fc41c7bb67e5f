// Changing a plan's review cadence or financial-year start after periods exist (issue 14, item 5): the change is
// shown first, a period that has updates (here Q1 signed off, and Q2 with a submitted update and a draft) is never
// dropped or re-labelled, its updates stay exactly as they were, and periods overlapping it are not added.
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createServices } from '../../src/services/index.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { updatePlanSettings } from '../../src/services/plans.ts';
import type { Store } from '../../src/store/database.ts';
import { getPlanRecord } from '../../src/store/plans-repository.ts';
import { listReviewPeriods } from '../../src/store/review-periods-repository.ts';
import { freshSqliteStore } from '../support/databases.ts';
import { reviewedDemo, userByEmail } from './reviewed-demo.ts';

let store: Store;

afterEach(async () => store?.close());

async function everyUpdate() {
  return store.db.selectFrom('progress_updates').selectAll().orderBy('id').execute();
}

describe('changing the review cadence after periods exist', () => {
  it('shows which periods change, then keeps the signed-off period and its updates unchanged', async () => {
    store = await freshSqliteStore();
    const ids = await reviewedDemo(store);
    const services = createServices(store, { config: loadConfig({}), clock: fixedClock('2024-11-01') });
    const plan = (await getPlanRecord(store.db, ids.planId))!;
    const before = await listReviewPeriods(store.db, ids.planId);
    expect(before.map((p) => p.label)).toEqual(['2024/25 Q1', '2024/25 Q2', '2024/25 Q3', '2024/25 Q4']);
    const q1Before = before[0]!;
    expect(q1Before.status).toBe('signed-off');
    const updatesBefore = await everyUpdate();
    expect(updatesBefore.length).toBeGreaterThan(9);

    // The preview: nothing is stored yet.
    const change = await services.reviews.periodChange(plan, { reviewCadence: 'monthly' });
    expect(change.keptWithUpdates.map((p) => p.label)).toEqual(['2024/25 Q1', '2024/25 Q2']);
    expect(change.removed.map((p) => p.label)).toEqual(['2024/25 Q3', '2024/25 Q4']);
    expect(change.keptToCover).toEqual([]);
    expect(change.notAdded.map((p) => p.label)).toEqual([
      '2024/25 M1 (April 2024)', '2024/25 M2 (May 2024)', '2024/25 M3 (June 2024)',
      '2024/25 M4 (July 2024)', '2024/25 M5 (August 2024)', '2024/25 M6 (September 2024)',
    ]);
    expect(change.added[0]?.label).toBe('2024/25 M7 (October 2024)');
    expect(await listReviewPeriods(store.db, ids.planId)).toEqual(before);

    // Saved: Q1 and Q2 exactly as they were, with every version of every update untouched.
    const reviewer = await userByEmail(store, 'reviewer@demo.example');
    await updatePlanSettings(store.db, ids.planId, { reviewCadence: 'monthly' }, reviewer.id);
    const after = await listReviewPeriods(store.db, ids.planId);
    expect(after.find((p) => p.id === q1Before.id)).toEqual(q1Before);
    expect(after.find((p) => p.id === before[1]!.id)).toEqual(before[1]);
    expect(after.some((p) => p.label === '2024/25 Q3' || p.label === '2024/25 Q4')).toBe(false);
    expect(after.some((p) => p.label.startsWith('2024/25 M1 '))).toBe(false);
    expect(after.map((p) => p.label)).toContain('2024/25 M7 (October 2024)');
    expect(await everyUpdate()).toEqual(updatesBefore);
    // No two periods cover the same day.
    const sorted = [...after].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    sorted.forEach((p, i) => i > 0 && expect(p.startsOn > sorted[i - 1]!.endsOn).toBe(true));

    // A new financial-year start later on: the periods with updates are still kept, unchanged, under their names.
    await updatePlanSettings(store.db, ids.planId, { fyStartMonth: 1 }, reviewer.id);
    const again = await listReviewPeriods(store.db, ids.planId);
    expect(again.find((p) => p.id === q1Before.id)).toEqual(q1Before);
    expect(again.find((p) => p.id === before[1]!.id)).toEqual(before[1]);
    expect(await everyUpdate()).toEqual(updatesBefore);
  });

  it('changes nothing when the cadence stays the same', async () => {
    store = await freshSqliteStore();
    const ids = await reviewedDemo(store);
    const services = createServices(store, { config: loadConfig({}), clock: fixedClock('2024-11-01') });
    const plan = (await getPlanRecord(store.db, ids.planId))!;
    const change = await services.reviews.periodChange(plan, { reviewCadence: 'quarterly' });
    expect(change.unchanged).toHaveLength(4);
    expect(change.removed.length + change.added.length + change.keptWithUpdates.length + change.notAdded.length + change.keptToCover.length).toBe(0);
  });
});
