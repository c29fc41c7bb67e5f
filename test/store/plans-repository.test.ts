import { describe, expect, it } from 'vitest';
import { DEFAULT_RAG_SCHEME } from '../../src/domain/rag.ts';
import type { MilestoneDraft, PlanDraft } from '../../src/domain/types.ts';
import { createOrganisation } from '../../src/store/organisations-repository.ts';
import { deletePlan, getPlan, getPlanRecord, listPlans, savePlanDraft, updatePlan, type PlanChanges } from '../../src/store/plans-repository.ts';
import type { PlanDetail } from '../../src/store/records.ts';
import { addKpiReading } from '../../src/store/kpis-repository.ts';
import { redateMilestone } from '../../src/store/milestones-repository.ts';
import { addEvidence } from '../../src/store/monitoring-repository.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { forEachDatabase } from '../support/databases.ts';
import { insertTestUser, realisticPlanDraft } from '../support/fixtures.ts';
import { tableRowCounts } from '../support/row-counts.ts';

/** The stored plan read back in the draft's own shape. */
function asDraft(plan: PlanDetail): Omit<PlanDraft, 'warnings'> {
  return {
    title: plan.title,
    period: plan.period,
    commitments: plan.commitments.map((c) => ({
      number: c.number,
      title: c.title,
      summary: c.summary,
      kpis: c.kpis.map((k) => ({ text: k.text })),
      milestones: c.milestones.map((m) => ({ text: m.text, due: m.due, recurrence: m.recurrence })),
      monitoring: c.monitoring.map((m) => ({ text: m.text })),
      updates: c.updates.map((u) => ({ text: u.narrative })),
    })),
  };
}

describe('plans repository', () => {
  forEachDatabase((_name, getStore) => {
    it('saves a realistic draft that reads back exactly as imported', async () => {
      const { db } = getStore();
      const org = await createOrganisation(db, 'Lancashire LEP');
      const draft = realisticPlanDraft();
      const id = await savePlanDraft(db, org.id, draft, { sourceName: 'lancashire-lep-2019.docx' });

      const plan = await getPlan(db, id);
      if (!plan) throw new Error('plan not found');
      const { warnings: _warnings, ...expected } = draft;
      expect(asDraft(plan)).toEqual(expected);
      expect(plan).toMatchObject({
        id,
        organisationId: org.id,
        status: 'active',
        reviewCadence: 'quarterly',
        fyStartMonth: 4,
        ragScheme: DEFAULT_RAG_SCHEME,
        sourceName: 'lancashire-lep-2019.docx',
        published: false,
      });
      expect(plan.commitments.map((c) => c.position)).toEqual([0, 1, 2]);
      const milestones = plan.commitments.flatMap((c) => c.milestones);
      expect(milestones.every((m) => m.status === 'not-started' && m.doneOn === null)).toBe(true);
      expect(milestones.map((m) => m.baseline)).toEqual(milestones.map((m) => m.due));
      expect(plan.commitments[0]?.updates).toEqual([
        expect.objectContaining({ reviewPeriodId: null, state: 'submitted', version: 1, rag: null, kpiRefs: [], response: null }),
      ]);
    });

    it('titles the plan from the draft, else the option, else "Improvement plan"', async () => {
      const { db } = getStore();
      const org = await createOrganisation(db, 'Org');
      const untitled = { ...realisticPlanDraft(), title: null };
      const fromDraft = await savePlanDraft(db, org.id, realisticPlanDraft(), { title: 'ignored' });
      const fromOption = await savePlanDraft(db, org.id, untitled, { title: 'Recovery plan' });
      const fallback = await savePlanDraft(db, org.id, untitled);
      expect((await getPlanRecord(db, fromDraft))?.title).toBe('Lancashire LEP improvement plan 2019/20');
      expect((await getPlanRecord(db, fromOption))?.title).toBe('Recovery plan');
      expect((await getPlanRecord(db, fallback))?.title).toBe('Improvement plan');
    });

    it('stores a draft without period or commitments', async () => {
      const { db } = getStore();
      const org = await createOrganisation(db, 'Org');
      const id = await savePlanDraft(db, org.id, { title: 'Empty', period: null, commitments: [], warnings: [] });
      expect(await getPlan(db, id)).toMatchObject({ title: 'Empty', period: null, commitments: [] });
    });

    it('leaves the database exactly as before when saving fails half-way', async () => {
      const store = getStore();
      const org = await createOrganisation(store.db, 'Org');
      await savePlanDraft(store.db, org.id, realisticPlanDraft());
      const before = await tableRowCounts(store);

      const broken = realisticPlanDraft();
      const last = broken.commitments[2];
      if (!last) throw new Error('fixture changed');
      last.milestones.push({ text: null, due: null, recurrence: null } as unknown as MilestoneDraft);
      await expect(savePlanDraft(store.db, org.id, broken)).rejects.toThrow();

      expect(await tableRowCounts(store)).toEqual(before);
    });

    it('rolls back the caller’s whole transaction when saving fails inside it', async () => {
      const store = getStore();
      const before = await tableRowCounts(store);
      const broken = realisticPlanDraft();
      broken.commitments[0]?.kpis.push({ text: null } as unknown as { text: string });
      await expect(
        inTransaction(store.db, async (trx) => {
          const org = await createOrganisation(trx, 'Made in the same transaction');
          return savePlanDraft(trx, org.id, broken);
        }),
      ).rejects.toThrow();
      expect(await tableRowCounts(store)).toEqual(before);
    });

    it('lists only the organisation’s plans, newest first', async () => {
      const { db } = getStore();
      const a = await createOrganisation(db, 'A');
      const b = await createOrganisation(db, 'B');
      const first = await savePlanDraft(db, a.id, realisticPlanDraft(), { title: 'x' });
      const second = await savePlanDraft(db, a.id, { ...realisticPlanDraft(), title: 'Second' });
      await savePlanDraft(db, b.id, realisticPlanDraft());
      expect((await listPlans(db, a.id)).map((p) => p.id)).toEqual([second, first]);
      expect(await listPlans(db, 9999)).toEqual([]);
    });

    it('updates plan settings and its updated time', async () => {
      const { db } = getStore();
      const org = await createOrganisation(db, 'Org');
      const id = await savePlanDraft(db, org.id, realisticPlanDraft());
      const original = await getPlanRecord(db, id);
      const scheme = [{ rag: 'green' as const, label: 'On track', meaning: 'All fine' }];
      const changes: PlanChanges = {
        title: 'Renamed',
        period: { from: '2020-04-01', to: '2021-03-31' },
        status: 'closed',
        reviewCadence: 'six-monthly',
        fyStartMonth: 1,
        ragScheme: scheme,
        sourceName: null,
        published: true,
      };
      const updated = await updatePlan(db, id, changes);
      expect(updated).toMatchObject(changes);
      expect((updated?.updatedAt ?? '') >= (original?.updatedAt ?? '~')).toBe(true);
      expect(await getPlanRecord(db, id)).toEqual(updated);
      expect(await updatePlan(db, id, { period: null })).toMatchObject({ period: null, title: 'Renamed' });
    });

    it('refuses a financial year starting outside months 1–12, and reports an unknown plan', async () => {
      const { db } = getStore();
      const org = await createOrganisation(db, 'Org');
      const id = await savePlanDraft(db, org.id, realisticPlanDraft());
      await expect(updatePlan(db, id, { fyStartMonth: 13 })).rejects.toThrow(/month 1 to 12/);
      expect((await getPlanRecord(db, id))?.fyStartMonth).toBe(4);
      expect(await updatePlan(db, 9999, { title: 'x' })).toBeUndefined();
      expect(await getPlan(db, 9999)).toBeUndefined();
    });

    it('deletes a plan with everything in it, leaving other plans alone', async () => {
      const store = getStore();
      const { db } = store;
      const org = await createOrganisation(db, 'Org');
      const keep = await savePlanDraft(db, org.id, realisticPlanDraft());
      const countsWithOnePlan = await tableRowCounts(store);

      const id = await savePlanDraft(db, org.id, realisticPlanDraft());
      const plan = await getPlan(db, id);
      const commitment = plan?.commitments[0];
      const kpi = commitment?.kpis[0];
      const milestone = commitment?.milestones[0];
      const item = commitment?.monitoring[0];
      if (!kpi || !milestone || !item || !commitment) throw new Error('fixture changed');
      const user = await insertTestUser(db);
      await addKpiReading(db, kpi.id, { date: '2019-06-30', value: 12 });
      await redateMilestone(db, milestone.id, { from: '2019-06-01', to: '2019-06-30' }, 'Chair started late', user);
      await addEvidence(db, { monitoringItemId: item.id, date: '2019-07-01', note: 'Board paper' });
      await addEvidence(db, { milestoneId: milestone.id, date: '2019-07-02', link: 'https://example.org' });
      const period = await db
        .insertInto('review_periods')
        .values({ plan_id: id, label: '2019/20 Q1', starts_on: '2019-04-01', ends_on: '2019-06-30', due_on: '2019-07-31', status: 'open' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('progress_updates')
        .values({
          commitment_id: commitment.id,
          review_period_id: period.id,
          version: 1,
          narrative: 'Q1',
          kpi_refs: '[]',
          state: 'draft',
          created_at: '2019-07-01T00:00:00.000Z',
          updated_at: '2019-07-01T00:00:00.000Z',
        })
        .execute();

      expect(await deletePlan(db, id)).toBe(true);
      expect(await deletePlan(db, id)).toBe(false);
      expect(await getPlan(db, id)).toBeUndefined();
      expect(await tableRowCounts(store)).toEqual({ ...countsWithOnePlan, users: countsWithOnePlan.users! + 1 });
      expect((await getPlan(db, keep))?.commitments).toHaveLength(3);
    });
  });
});
