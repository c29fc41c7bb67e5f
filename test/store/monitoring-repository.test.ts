import { describe, expect, it } from 'vitest';
import {
  addEvidence,
  createMonitoringItem,
  deleteEvidence,
  deleteMonitoringItem,
  getEvidence,
  getMonitoringItem,
  listEvidence,
  listMonitoringItems,
  updateMonitoringItem,
} from '../../src/store/monitoring-repository.ts';
import { forEachDatabase } from '../support/databases.ts';
import { insertTestUser, nth, seedPlan } from '../support/fixtures.ts';
import { tableRowCounts } from '../support/row-counts.ts';

describe('monitoring repository', () => {
  forEachDatabase((_name, getStore) => {
    it('adds, renames and lists monitoring items in order', async () => {
      const { db } = getStore();
      const commitment = nth((await seedPlan(db)).commitments, 0);
      const item = await createMonitoringItem(db, commitment.id, 'Minutes of Board meetings');
      expect(item).toMatchObject({ commitmentId: commitment.id, position: 2, text: 'Minutes of Board meetings' });
      expect(await getMonitoringItem(db, item.id)).toEqual(item);
      expect(await updateMonitoringItem(db, item.id, 'Published minutes')).toMatchObject({ id: item.id, text: 'Published minutes' });
      expect((await listMonitoringItems(db, commitment.id)).map((m) => m.text)).toEqual([
        'Board reports detailing succession plans',
        'Sent to CLG July 2019',
        'Published minutes',
      ]);
      expect(await updateMonitoringItem(db, 9999, 'x')).toBeUndefined();
    });

    it('keeps evidence for a monitoring item and for a milestone apart, oldest first', async () => {
      const { db } = getStore();
      const commitment = nth((await seedPlan(db)).commitments, 0);
      const item = nth(commitment.monitoring, 0);
      const milestone = nth(commitment.milestones, 0);
      const officer = await insertTestUser(db, 'Officer');
      const later = await addEvidence(db, {
        monitoringItemId: item.id,
        date: '2019-09-30',
        note: 'Succession plan paper',
        link: 'https://example.org/board/2019-09',
        createdBy: officer,
      });
      const earlier = await addEvidence(db, { monitoringItemId: item.id, date: '2019-06-30', filePath: 'evidence/1/paper.pdf' });
      const forMilestone = await addEvidence(db, { milestoneId: milestone.id, date: '2019-05-20', note: 'Chair appointed' });
      expect(later).toMatchObject({ monitoringItemId: item.id, milestoneId: null, link: 'https://example.org/board/2019-09', createdBy: officer });
      expect(earlier).toMatchObject({ note: null, link: null, filePath: 'evidence/1/paper.pdf', createdBy: null });
      expect(forMilestone).toMatchObject({ monitoringItemId: null, milestoneId: milestone.id });
      expect(await getEvidence(db, later.id)).toEqual(later);
      expect(await listEvidence(db, { monitoringItemId: item.id })).toEqual([earlier, later]);
      expect(await listEvidence(db, { milestoneId: milestone.id })).toEqual([forMilestone]);
      expect(await deleteEvidence(db, earlier.id)).toBe(true);
      expect(await listEvidence(db, { monitoringItemId: item.id })).toEqual([later]);
    });

    it('deletes a monitoring item with its evidence', async () => {
      const store = getStore();
      const item = nth(nth((await seedPlan(store.db)).commitments, 0).monitoring, 0);
      const before = await tableRowCounts(store);
      await addEvidence(store.db, { monitoringItemId: item.id, date: '2019-06-30' });
      expect(await deleteMonitoringItem(store.db, item.id)).toBe(true);
      expect(await deleteMonitoringItem(store.db, item.id)).toBe(false);
      expect(await tableRowCounts(store)).toEqual({ ...before, monitoring_items: before.monitoring_items! - 1 });
    });
  });
});
