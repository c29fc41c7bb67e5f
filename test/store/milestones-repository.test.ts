import { describe, expect, it } from 'vitest';
import {
  createMilestone,
  deleteMilestone,
  getMilestone,
  listMilestoneRedates,
  listMilestones,
  markMilestoneDone,
  redateMilestone,
  setMilestoneStatus,
  updateMilestone,
} from '../../src/store/milestones-repository.ts';
import { forEachDatabase } from '../support/databases.ts';
import { insertTestUser, nth, seedPlan } from '../support/fixtures.ts';
import { tableRowCounts } from '../support/row-counts.ts';

const MAY = { from: '2019-05-01', to: '2019-05-31' };
const JULY = { from: '2019-07-01', to: '2019-07-31' };

describe('milestones repository', () => {
  forEachDatabase((_name, getStore) => {
    it('adds a milestone at the end, its baseline its due window', async () => {
      const { db } = getStore();
      const commitment = nth((await seedPlan(db)).commitments, 0);
      const added = await createMilestone(db, commitment.id, { text: 'Annual report by May 2019', due: MAY });
      expect(added).toMatchObject({
        commitmentId: commitment.id,
        position: 3,
        due: MAY,
        baseline: MAY,
        recurrence: null,
        status: 'not-started',
        doneOn: null,
      });
      const recurring = await createMilestone(db, commitment.id, { text: 'Board meets monthly', recurrence: 'monthly' });
      expect(recurring).toMatchObject({ due: null, baseline: null, recurrence: 'monthly', position: 4 });
      expect(await getMilestone(db, added.id)).toEqual(added);
      expect((await listMilestones(db, commitment.id)).slice(-2)).toEqual([added, recurring]);
    });

    it('corrects text, due, baseline, recurrence and position without writing history', async () => {
      const { db } = getStore();
      const milestone = nth(nth((await seedPlan(db)).commitments, 0).milestones, 1);
      const updated = await updateMilestone(db, milestone.id, { text: 'Appraisals by July 2019', due: JULY, baseline: JULY });
      expect(updated).toMatchObject({ text: 'Appraisals by July 2019', due: JULY, baseline: JULY });
      expect(await updateMilestone(db, milestone.id, { recurrence: 'annually', position: 9 })).toMatchObject({
        recurrence: 'annually',
        position: 9,
        due: JULY,
      });
      expect(await updateMilestone(db, milestone.id, { due: null })).toMatchObject({ due: null, baseline: JULY });
      expect(await listMilestoneRedates(db, milestone.id)).toEqual([]);
      expect(await updateMilestone(db, 9999, { text: 'x' })).toBeUndefined();
    });

    it('sets a status; done carries a date, which any other status clears', async () => {
      const { db } = getStore();
      const id = nth(nth((await seedPlan(db)).commitments, 0).milestones, 0).id;
      expect(await setMilestoneStatus(db, id, 'in-progress')).toMatchObject({ status: 'in-progress', doneOn: null });
      expect(await markMilestoneDone(db, id, '2019-05-20')).toMatchObject({ status: 'done', doneOn: '2019-05-20' });
      expect(await setMilestoneStatus(db, id, 'dropped')).toMatchObject({ status: 'dropped', doneOn: null });
      const today = new Date().toISOString().slice(0, 10);
      expect(await setMilestoneStatus(db, id, 'done')).toMatchObject({ status: 'done', doneOn: today });
      expect(await setMilestoneStatus(db, 9999, 'done')).toBeUndefined();
    });

    it('re-dates: the current due moves, the baseline stays, history keeps reason and user', async () => {
      const { db } = getStore();
      const milestone = nth(nth((await seedPlan(db)).commitments, 0).milestones, 0);
      const approver = await insertTestUser(db, 'Area Lead');
      const first = await redateMilestone(db, milestone.id, JULY, '  Recruitment took longer ', approver);
      expect(first.milestone).toMatchObject({ due: JULY, baseline: milestone.baseline });
      const second = await redateMilestone(db, milestone.id, null, 'Now depends on the review', null);
      expect(second.milestone).toMatchObject({ due: null, baseline: { from: '2019-04-01', to: '2019-05-31' } });

      const history = await listMilestoneRedates(db, milestone.id);
      expect(history).toEqual([first.redate, second.redate]);
      expect(history[0]).toMatchObject({
        milestoneId: milestone.id,
        oldDue: { from: '2019-04-01', to: '2019-05-31' },
        newDue: JULY,
        reason: 'Recruitment took longer',
        changedBy: approver,
      });
      expect(history[1]).toMatchObject({ oldDue: JULY, newDue: null, changedBy: null });
      expect(await getMilestone(db, milestone.id)).toEqual(second.milestone);
    });

    it('refuses a re-date without a reason or of a missing milestone, changing nothing', async () => {
      const store = getStore();
      const milestone = nth(nth((await seedPlan(store.db)).commitments, 0).milestones, 0);
      const before = await tableRowCounts(store);
      await expect(redateMilestone(store.db, milestone.id, JULY, '  ', null)).rejects.toThrow(/needs a reason/);
      await expect(redateMilestone(store.db, 9999, JULY, 'Because', null)).rejects.toThrow(/does not exist/);
      await expect(redateMilestone(store.db, milestone.id, JULY, 'Approved by nobody', 9999)).rejects.toThrow();
      expect(await tableRowCounts(store)).toEqual(before);
      expect(await getMilestone(store.db, milestone.id)).toEqual(milestone);
    });

    it('deletes a milestone with its history', async () => {
      const store = getStore();
      const milestone = nth(nth((await seedPlan(store.db)).commitments, 0).milestones, 0);
      const before = await tableRowCounts(store);
      await redateMilestone(store.db, milestone.id, JULY, 'Later', null);
      expect(await deleteMilestone(store.db, milestone.id)).toBe(true);
      expect(await deleteMilestone(store.db, milestone.id)).toBe(false);
      expect(await tableRowCounts(store)).toEqual({ ...before, milestones: before.milestones! - 1 });
    });
  });
});
