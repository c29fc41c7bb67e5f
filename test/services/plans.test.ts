import { describe, expect, it } from 'vitest';
import type { MilestoneDraft } from '../../src/domain/types.ts';
import {
  NotFoundError,
  addCommitment,
  addEvidence,
  addKpi,
  addMilestone,
  addMonitoringItem,
  editCommitment,
  editKpi,
  editMilestone,
  editMonitoringItem,
  importPlan,
  recordKpiReading,
  redateMilestone,
  removeCommitment,
  removeMilestone,
  removePlan,
  reorderCommitments,
  setMilestoneStatus,
  updatePlanSettings,
} from '../../src/services/plans.ts';
import { listAuditEvents } from '../../src/store/audit-repository.ts';
import { listMilestoneRedates } from '../../src/store/milestones-repository.ts';
import { createOrganisation } from '../../src/store/organisations-repository.ts';
import { getPlan } from '../../src/store/plans-repository.ts';
import type { PlanDetail } from '../../src/store/records.ts';
import { forEachDatabase } from '../support/databases.ts';
import { insertTestUser, nth, realisticPlanDraft } from '../support/fixtures.ts';
import { tableRowCounts } from '../support/row-counts.ts';

describe('plan services', () => {
  forEachDatabase((_name, getStore) => {
    async function imported(): Promise<{ plan: PlanDetail; user: number }> {
      const { db } = getStore();
      const org = await createOrganisation(db, 'Lancashire LEP');
      const user = await insertTestUser(db, 'Plan owner');
      const plan = await getPlan(db, await importPlan(db, org.id, realisticPlanDraft(), user, { sourceName: 'plan.docx' }));
      if (!plan) throw new Error('imported plan not found');
      return { plan, user };
    }

    it('imports a plan and records who imported what', async () => {
      const { db } = getStore();
      const { plan, user } = await imported();
      expect(plan.commitments).toHaveLength(3);
      expect(await listAuditEvents(db, plan.organisationId)).toEqual([
        expect.objectContaining({
          userId: user,
          entity: 'plan',
          entityId: plan.id,
          action: 'import',
          before: null,
          after: { title: plan.title, sourceName: 'plan.docx', commitments: 3, milestones: 6 },
        }),
      ]);
    });

    it('stores neither plan nor audit event when the import fails', async () => {
      const store = getStore();
      const org = await createOrganisation(store.db, 'Org');
      const before = await tableRowCounts(store);
      const broken = realisticPlanDraft();
      broken.commitments[1]?.milestones.push({ text: null } as unknown as MilestoneDraft);
      await expect(importPlan(store.db, org.id, broken, null)).rejects.toThrow();
      expect(await tableRowCounts(store)).toEqual(before);
    });

    it('re-dates a milestone: baseline kept, history and audit event written with the reason and user', async () => {
      const { db } = getStore();
      const { plan, user } = await imported();
      const milestone = nth(nth(plan.commitments, 0).milestones, 0);
      const newDue = { from: '2019-07-01', to: '2019-07-31' };
      const { milestone: moved } = await redateMilestone(db, milestone.id, newDue, 'Recruitment took longer', user);
      expect(moved).toMatchObject({ due: newDue, baseline: milestone.baseline });
      expect(await listMilestoneRedates(db, milestone.id)).toEqual([
        expect.objectContaining({ oldDue: milestone.due, newDue, reason: 'Recruitment took longer', changedBy: user }),
      ]);
      const [event] = await listAuditEvents(db, plan.organisationId, { entity: 'milestone' });
      expect(event).toMatchObject({
        userId: user,
        entityId: milestone.id,
        action: 'redate',
        before: { due: milestone.due },
        after: { due: newDue, reason: 'Recruitment took longer' },
      });
    });

    it('records one audit event, with before and after, for each change', async () => {
      const { db } = getStore();
      const { plan, user } = await imported();
      const [first, second, third] = plan.commitments.map((c) => c.id) as [number, number, number];
      const milestoneId = nth(nth(plan.commitments, 0).milestones, 0).id;

      await updatePlanSettings(db, plan.id, { published: true }, user);
      const added = await addCommitment(db, plan.id, { title: 'New commitment' }, user);
      await editCommitment(db, second, { title: 'Renamed' }, user);
      await reorderCommitments(db, plan.id, [third, first, second, added.id], user);
      const milestone = await addMilestone(db, added.id, { text: 'Launch', due: { from: '2019-10-01', to: '2019-10-31' } }, user);
      await editMilestone(db, milestone.id, { text: 'Launch event' }, user);
      await setMilestoneStatus(db, milestoneId, 'done', user, '2019-05-20');
      const kpi = await addKpi(db, added.id, { text: 'Visitors', unit: 'people' }, user);
      await editKpi(db, kpi.id, { target: 1000 }, user);
      await recordKpiReading(db, kpi.id, { date: '2019-06-30', value: 250 }, user);
      const item = await addMonitoringItem(db, added.id, 'Visitor numbers', user);
      await editMonitoringItem(db, item.id, 'Visitor numbers, monthly', user);
      const evidence = await addEvidence(db, { monitoringItemId: item.id, date: '2019-07-01', note: 'June figures' }, user);
      await removeMilestone(db, milestone.id, user);
      await removeCommitment(db, added.id, user);

      expect(evidence.createdBy).toBe(user);
      const events = (await listAuditEvents(db, plan.organisationId)).reverse();
      expect(events.map((e) => `${e.entity} ${e.action}`)).toEqual([
        'plan import',
        'plan update',
        'commitment create',
        'commitment update',
        'plan reorder-commitments',
        'milestone create',
        'milestone update',
        'milestone status',
        'kpi create',
        'kpi update',
        'kpi reading',
        'monitoring-item create',
        'monitoring-item update',
        'evidence create',
        'milestone delete',
        'commitment delete',
      ]);
      expect(events.every((e) => e.userId === user && e.organisationId === plan.organisationId)).toBe(true);
      expect(events[1]).toMatchObject({ before: { published: false }, after: { published: true } });
      expect(events[3]).toMatchObject({ entityId: second, before: { title: 'We will improve our governance and transparency' }, after: { title: 'Renamed' } });
      expect(events[4]).toMatchObject({ before: [first, second, third, added.id], after: [third, first, second, added.id] });
      expect(events[7]).toMatchObject({ before: { status: 'not-started' }, after: { status: 'done', doneOn: '2019-05-20' } });
      expect(events[15]).toMatchObject({ entityId: added.id, before: { title: 'New commitment' }, after: null });
    });

    it('removes a plan, recording what it was', async () => {
      const { db } = getStore();
      const { plan, user } = await imported();
      await removePlan(db, plan.id, user);
      expect(await getPlan(db, plan.id)).toBeUndefined();
      const [event] = await listAuditEvents(db, plan.organisationId);
      expect(event).toMatchObject({ entity: 'plan', action: 'delete', entityId: plan.id, before: { title: plan.title }, after: null });
    });

    it('reports a missing plan, commitment or milestone as not found, recording nothing', async () => {
      const store = getStore();
      const { user } = await imported();
      const before = await tableRowCounts(store);
      await expect(updatePlanSettings(store.db, 9999, { title: 'x' }, user)).rejects.toThrow(NotFoundError);
      await expect(editCommitment(store.db, 9999, { title: 'x' }, user)).rejects.toThrow(/no commitment 9999/);
      await expect(redateMilestone(store.db, 9999, null, 'Because', user)).rejects.toThrow(/no milestone 9999/);
      await expect(addEvidence(store.db, { monitoringItemId: 9999, date: '2019-07-01' }, user)).rejects.toThrow(/no monitoring item 9999/);
      expect(await tableRowCounts(store)).toEqual(before);
    });
  });
});
