import { describe, expect, it } from 'vitest';
import { reviewPeriods } from '../../src/domain/periods.ts';
import {
  getCurrentUpdate,
  insertUpdateVersion,
  listPeriodUpdates,
  markSubmitted,
  rewriteDraft,
  setResponse,
  signOffSubmittedUpdates,
} from '../../src/store/progress-updates-repository.ts';
import { addMissingReviewPeriods, listReviewPeriods, markReviewPeriodSignedOff } from '../../src/store/review-periods-repository.ts';
import { forEachDatabase } from '../support/databases.ts';
import { insertTestUser, nth, seedPlan } from '../support/fixtures.ts';

const AT = '2019-07-10T09:00:00.000Z';
const content = { rag: 'amber' as const, narrative: 'Behind', kpiRefs: [], ragOverrideReason: null, suggestedRag: 'amber' as const, suggestedReasons: ['1 milestone overdue'] };

describe('review cycle repositories', () => {
  forEachDatabase((_name, getStore) => {
    it('store each review period of a plan once', async () => {
      const { db } = getStore();
      const plan = await seedPlan(db);
      const wanted = reviewPeriods({ from: '2019-04-01', to: '2020-03-31' }, 'quarterly', 4, 14);
      expect(await addMissingReviewPeriods(db, plan.id, wanted.slice(0, 2))).toBe(2);
      expect(await addMissingReviewPeriods(db, plan.id, wanted)).toBe(2);
      expect(await addMissingReviewPeriods(db, plan.id, wanted)).toBe(0);
      expect((await listReviewPeriods(db, plan.id)).map((p) => p.label)).toEqual(['2019/20 Q1', '2019/20 Q2', '2019/20 Q3', '2019/20 Q4']);
      const q1 = nth(wanted, 0);
      await expect(
        db.insertInto('review_periods').values({ plan_id: plan.id, label: q1.label, starts_on: q1.from, ends_on: q1.to, due_on: q1.due, status: 'open' }).execute(),
      ).rejects.toThrow();
    });

    it('change an update only from the state the caller saw, and never store a version twice', async () => {
      const { db } = getStore();
      const plan = await seedPlan(db);
      const user = await insertTestUser(db);
      await addMissingReviewPeriods(db, plan.id, reviewPeriods({ from: '2019-04-01', to: '2019-06-30' }, 'quarterly'));
      const period = nth(await listReviewPeriods(db, plan.id), 0);
      const commitmentId = nth(plan.commitments, 0).id;
      const draft = await insertUpdateVersion(db, { ...content, commitmentId, reviewPeriodId: period.id, version: 1, state: 'draft', createdBy: user, at: AT });
      expect(draft).toMatchObject({ state: 'draft', suggestedRag: 'amber', suggestedReasons: ['1 milestone overdue'], createdBy: user });

      expect(await setResponse(db, draft.id, 'Too early', user, AT)).toBeUndefined();
      expect(await markSubmitted(db, draft.id, user, AT)).toMatchObject({ state: 'submitted', submittedBy: user });
      expect(await markSubmitted(db, draft.id, user, AT)).toBeUndefined();
      expect(await rewriteDraft(db, draft.id, { ...content, narrative: 'Sneaky edit' }, AT)).toBeUndefined();
      expect(await setResponse(db, draft.id, 'Agreed', user, AT)).toMatchObject({ response: 'Agreed', responseBy: user });

      expect(await signOffSubmittedUpdates(db, period.id, user, AT)).toHaveLength(1);
      expect(await markReviewPeriodSignedOff(db, period.id, user, AT)).toMatchObject({ status: 'signed-off', signedOffBy: user });
      expect(await markReviewPeriodSignedOff(db, period.id, user, AT)).toBeUndefined();

      await expect(
        insertUpdateVersion(db, { ...content, commitmentId, reviewPeriodId: period.id, version: 1, state: 'signed-off', createdBy: user, at: AT }),
      ).rejects.toThrow();
      await insertUpdateVersion(db, { ...content, commitmentId, reviewPeriodId: period.id, version: 2, state: 'signed-off', correctionReason: 'Typo', createdBy: user, at: AT });
      expect(await getCurrentUpdate(db, commitmentId, period.id)).toMatchObject({ version: 2, correctionReason: 'Typo' });
      expect((await listPeriodUpdates(db, period.id)).map((u) => [u.version, u.narrative, u.state])).toEqual([
        [1, 'Behind', 'signed-off'],
        [2, 'Behind', 'signed-off'],
      ]);
    });
  });
});
