// Review reminders in the daily digest (issue 14, item 6): in the days before a period ends and after it ends,
// reviewers with updates outstanding and plan owners with responses outstanding are reminded, until sign-off.
import { afterEach, describe, expect, it } from 'vitest';
import { collectDigests, digestSubject, digestText } from '../../src/services/reminders.ts';
import { returnToDraft } from '../../src/services/reviews/index.ts';
import type { Store } from '../../src/store/database.ts';
import { freshSqliteStore } from '../support/databases.ts';
import { reviewedDemo, userByEmail } from './reviewed-demo.ts';

let store: Store;
afterEach(async () => store?.close());

const URL = 'https://tracker.demo.example';

describe('review reminders in the daily digest', () => {
  it('reminds the reviewer of updates and the owner of responses from the days before the period ends', async () => {
    store = await freshSqliteStore();
    const ids = await reviewedDemo(store);
    // Q1 is signed off; in Q2 commitment 1's update is submitted with no response, commitment 2's is a draft.

    // A month before Q2 ends (30 September): nothing about Q2 yet.
    const early = await collectDigests(store.db, '2024-08-30', 14);
    expect(early.flatMap((d) => [...d.reviewsDue, ...d.responsesDue]).filter((r) => r.periodLabel === '2024/25 Q2')).toEqual([]);

    // Five days before it ends.
    const before = await collectDigests(store.db, '2024-09-25', 14);
    const reviewer = before.find((d) => d.email === 'reviewer@demo.example')!;
    const owner = before.find((d) => d.email === 'owner@demo.example')!;
    expect(reviewer.reviewsDue.map((r) => r.periodLabel)).toEqual(['2024/25 Q2']);
    expect(reviewer.reviewsDue[0]!.missing.map((c) => c.number)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(reviewer.responsesDue).toEqual([]);
    expect(owner.responsesDue.map((r) => [r.periodLabel, r.awaiting.map((c) => c.number)])).toEqual([['2024/25 Q2', [1]]]);
    expect(owner.reviewsDue).toEqual([]);
    expect(digestSubject(owner)).toContain('responses due in 1 review period');
    const text = digestText(owner, 14, URL);
    expect(text).toContain('Responses to progress updates (1)');
    expect(text).toContain('- Kestrel Vale Council improvement plan 2024/25, 2024/25 Q2 (ends 30 September 2024): no response yet to the update for commitment 1.');
    expect(text).toContain(`Respond from the period's page: ${URL}/reviews/${ids.q2}`);
    // Nobody else is told about responses.
    expect(before.filter((d) => d.responsesDue.length > 0).map((d) => d.email)).toEqual(['owner@demo.example']);

    // After it ends, still; and an update returned to draft is the reviewer's again, not the owner's.
    const reviewerUser = await userByEmail(store, 'reviewer@demo.example');
    const returned = await returnToDraft(store.db, reviewerUser, ids.c1, ids.q2, 'Wrong figure');
    expect(returned.ok).toBe(true);
    const after = await collectDigests(store.db, '2024-10-20', 14);
    const reviewerAfter = after.find((d) => d.email === 'reviewer@demo.example')!;
    expect(reviewerAfter.reviewsDue.find((r) => r.periodLabel === '2024/25 Q2')!.missing.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(after.find((d) => d.email === 'owner@demo.example')?.responsesDue ?? []).toEqual([]);
    expect(digestText(reviewerAfter, 14, URL)).toContain('No update submitted yet for commitments 1, 2, 3, 4, 5, 6, 7, 8 and 9.');
  });
});
