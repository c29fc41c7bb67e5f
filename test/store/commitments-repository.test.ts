import { describe, expect, it } from 'vitest';
import {
  createCommitment,
  deleteCommitment,
  getCommitment,
  listCommitments,
  reorderCommitments,
  updateCommitment,
} from '../../src/store/commitments-repository.ts';
import { getPlan } from '../../src/store/plans-repository.ts';
import { forEachDatabase } from '../support/databases.ts';
import { insertTestUser, nth, seedPlan } from '../support/fixtures.ts';
import { tableRowCounts } from '../support/row-counts.ts';

describe('commitments repository', () => {
  forEachDatabase((_name, getStore) => {
    it('adds a commitment at the end, numbered after the last', async () => {
      const { db } = getStore();
      const plan = await seedPlan(db);
      const added = await createCommitment(db, plan.id, { title: 'We will publish our accounts' });
      expect(added).toMatchObject({ planId: plan.id, number: 4, position: 3, summary: '', leadUserId: null });
      expect(await getCommitment(db, added.id)).toEqual(added);
      const numbered = await createCommitment(db, plan.id, { number: 10, title: 'Ten', summary: 'S' });
      expect(numbered).toMatchObject({ number: 10, position: 4, summary: 'S' });
      expect((await listCommitments(db, plan.id)).map((c) => c.number)).toEqual([1, 2, 3, 4, 10]);
    });

    it('numbers the first commitment of an empty plan 1', async () => {
      const { db } = getStore();
      const plan = await seedPlan(db);
      for (const c of plan.commitments) await deleteCommitment(db, c.id);
      expect(await createCommitment(db, plan.id, { title: 'First' })).toMatchObject({ number: 1, position: 0 });
    });

    it('updates title, summary, number and lead', async () => {
      const { db } = getStore();
      const plan = await seedPlan(db);
      const lead = await insertTestUser(db, 'Chief Executive');
      const id = nth(plan.commitments, 1).id;
      const updated = await updateCommitment(db, id, { title: 'New title', summary: 'New summary', number: 7, leadUserId: lead });
      expect(updated).toMatchObject({ id, title: 'New title', summary: 'New summary', number: 7, leadUserId: lead });
      expect(await getCommitment(db, id)).toEqual(updated);
      expect(await updateCommitment(db, id, {})).toEqual(updated);
      expect(await updateCommitment(db, id, { leadUserId: null })).toMatchObject({ leadUserId: null, title: 'New title' });
      expect(await updateCommitment(db, 9999, { title: 'x' })).toBeUndefined();
    });

    it('reorders commitments, and refuses an order that misses or repeats one', async () => {
      const { db } = getStore();
      const plan = await seedPlan(db);
      const [a, b, c] = plan.commitments.map((x) => x.id) as [number, number, number];
      const reordered = await reorderCommitments(db, plan.id, [c, a, b]);
      expect(reordered.map((x) => x.id)).toEqual([c, a, b]);
      expect((await getPlan(db, plan.id))?.commitments.map((x) => x.number)).toEqual([3, 1, 2]);
      await expect(reorderCommitments(db, plan.id, [a, b])).rejects.toThrow(/exactly once/);
      await expect(reorderCommitments(db, plan.id, [a, a, b])).rejects.toThrow(/exactly once/);
      await expect(reorderCommitments(db, plan.id, [a, b, 9999])).rejects.toThrow(/exactly once/);
      expect((await listCommitments(db, plan.id)).map((x) => x.id)).toEqual([c, a, b]);
    });

    it('deletes a commitment with its KPIs, milestones, monitoring and updates', async () => {
      const store = getStore();
      const plan = await seedPlan(store.db);
      const before = await tableRowCounts(store);
      const first = nth(plan.commitments, 0);
      expect(await deleteCommitment(store.db, first.id)).toBe(true);
      expect(await deleteCommitment(store.db, first.id)).toBe(false);
      expect(await tableRowCounts(store)).toEqual({
        ...before,
        commitments: before.commitments! - 1,
        kpis: before.kpis! - first.kpis.length,
        milestones: before.milestones! - first.milestones.length,
        monitoring_items: before.monitoring_items! - first.monitoring.length,
        progress_updates: before.progress_updates! - first.updates.length,
      });
    });
  });
});
