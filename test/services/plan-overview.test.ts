// The overview numbers on a constructed plan, judged as of a fixed day.
import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { PlanDraft } from '../../src/domain/types.ts';
import type { Database } from '../../src/store/schema.ts';
import type { CurrentUser } from '../../src/services/accounts.ts';
import { NO_FILTERS, parseOverviewFilters, planOverview, type OverviewFilters } from '../../src/services/plan-overview.ts';
import { createOrganisation } from '../../src/store/organisations-repository.ts';
import { getPlan, savePlanDraft } from '../../src/store/plans-repository.ts';
import { updateCommitment } from '../../src/store/commitments-repository.ts';
import { setMilestoneStatus } from '../../src/store/milestones-repository.ts';
import { addKpiReading, createKpi } from '../../src/store/kpis-repository.ts';
import { forEachDatabase } from '../support/databases.ts';
import { insertTestUser, nth } from '../support/fixtures.ts';

const TODAY = '2019-08-15';

function draft(): PlanDraft {
  const m = (text: string, from: string | null, to = from) => ({ text, due: from && to ? { from, to } : null, recurrence: null });
  return {
    title: 'Test plan 2019/20',
    period: { from: '2019-04-01', to: '2020-03-31' },
    warnings: [],
    commitments: [
      {
        number: 1, title: 'Leadership', summary: '', kpis: [], monitoring: [], updates: [],
        milestones: [
          m('Chair appointed', '2019-04-01', '2019-05-31'), // overdue by 76 days
          m('Chief Executive appointed', '2019-09-01', '2019-09-10'), // due in 26 days
          m('Review of function', '2019-06-30'), // marked done below
          m('Strategy agreed', '2019-12-31'), // upcoming
          m('Appraisals', null), // undated
        ],
      },
      {
        number: 2, title: 'Governance', summary: '', kpis: [], monitoring: [], updates: [],
        milestones: [
          { text: 'Quarterly board report', due: null, recurrence: 'quarterly' }, // 30 Jun passed; next 30 Sep
          m('Workshop', TODAY), // due today
          m('Old idea', '2019-05-01'), // dropped below
        ],
      },
      {
        number: 3, title: 'Strategy', summary: '', kpis: [], monitoring: [], updates: [],
        milestones: [m('Draft strategy', '2019-07-01'), m('Final strategy', '2019-08-20')],
      },
    ],
  };
}

interface Built {
  db: Kysely<Database>;
  planId: number;
  owner: CurrentUser;
  outsider: CurrentUser;
  leadA: number;
  leadB: number;
  ids: { c1: number; c2: number; c3: number };
}

async function build(db: Kysely<Database>): Promise<Built> {
  const org = await createOrganisation(db, 'Org A');
  const otherOrg = await createOrganisation(db, 'Org B');
  const planId = await savePlanDraft(db, org.id, draft());
  const plan = (await getPlan(db, planId))!;
  const [c1, c2, c3] = [nth(plan.commitments, 0), nth(plan.commitments, 1), nth(plan.commitments, 2)];
  const leadA = await insertTestUser(db, 'Ann Lead');
  const leadB = await insertTestUser(db, 'Ben Lead');
  await updateCommitment(db, c1.id, { leadUserId: leadA });
  await updateCommitment(db, c3.id, { leadUserId: leadB });
  await setMilestoneStatus(db, nth(c1.milestones, 2).id, 'done', '2019-06-28');
  await setMilestoneStatus(db, nth(c2.milestones, 2).id, 'dropped');

  // KPIs: commitment 1 worsening (lower is better, went up); commitment 3 improving, a reading after today ignored.
  const k1 = await createKpi(db, c1.id, { text: 'Vacancies', direction: 'lower' });
  await addKpiReading(db, k1.id, { date: '2019-05-01', value: 10 });
  await addKpiReading(db, k1.id, { date: '2019-07-01', value: 12 });
  const k3 = await createKpi(db, c3.id, { text: 'Apprenticeships', direction: 'higher' });
  await addKpiReading(db, k3.id, { date: '2019-05-01', value: 100 });
  await addKpiReading(db, k3.id, { date: '2019-07-01', value: 120 });
  await addKpiReading(db, k3.id, { date: '2019-09-01', value: 50 });

  // RAG: commitment 1 was Amber in Q1 and is Red in Q2; commitment 3 only has a reviewer's draft (not shown).
  const period = async (label: string, starts: string, ends: string) =>
    (await db.insertInto('review_periods').values({ plan_id: planId, label, starts_on: starts, ends_on: ends, due_on: ends, status: 'open' }).returning('id').executeTakeFirstOrThrow()).id;
  const q1 = await period('2019/20 Q1', '2019-04-01', '2019-06-30');
  const q2 = await period('2019/20 Q2', '2019-07-01', '2019-09-30');
  const update = (commitmentId: number, reviewPeriodId: number, rag: string, state: string, at: string) =>
    db.insertInto('progress_updates').values({
      commitment_id: commitmentId, review_period_id: reviewPeriodId, version: 1, rag, narrative: 'n', kpi_refs: '[]', state, created_at: at, updated_at: at,
    }).execute();
  // Q2's update is written before Q1's, so only the period decides which is current.
  await update(c1.id, q2, 'red', 'submitted', '2019-07-10T10:00:00Z');
  await update(c1.id, q1, 'amber', 'signed-off', '2019-07-11T10:00:00Z');
  await update(c3.id, q2, 'green', 'draft', '2019-07-12T10:00:00Z');

  const member = (id: number, organisationId: number, organisationName: string): CurrentUser => ({
    id, email: `u${id}@example.gov.uk`, name: 'U', memberships: [{ userId: id, organisationId, organisationName, role: 'viewer' }],
  });
  return {
    db, planId, leadA, leadB,
    owner: member(await insertTestUser(db, 'Vera Viewer'), org.id, 'Org A'),
    outsider: member(await insertTestUser(db, 'Otto Outsider'), otherOrg.id, 'Org B'),
    ids: { c1: c1.id, c2: c2.id, c3: c3.id },
  };
}

forEachDatabase((_name, getStore) => {
  async function overview(b: Built, filters: OverviewFilters = NO_FILTERS, today = TODAY) {
    const o = await planOverview(b.db, b.owner, b.planId, { today, filters });
    if (!o) throw new Error('no overview');
    return o;
  }

  describe('plan overview', () => {
    it('counts the plan’s milestones done, due in the next 30 days and overdue', async () => {
      const o = await overview(await build(getStore().db));
      expect(o.counts).toEqual({ total: 10, done: 1, dueSoon: 3, overdue: 2 });
      expect(o.commitments.map((c) => [c.number, c.counts])).toEqual([
        [1, { total: 5, done: 1, dueSoon: 1, overdue: 1 }],
        [2, { total: 3, done: 0, dueSoon: 1, overdue: 0 }],
        [3, { total: 2, done: 0, dueSoon: 1, overdue: 1 }],
      ]);
    });

    it('lists what is due soon, soonest first, and what is overdue, longest first, with the days', async () => {
      const o = await overview(await build(getStore().db));
      expect(o.dueSoon.map((m) => [m.text, m.commitmentNumber, m.due.to, m.days])).toEqual([
        ['Workshop', 2, '2019-08-15', 0],
        ['Final strategy', 3, '2019-08-20', 5],
        ['Chief Executive appointed', 1, '2019-09-10', 26],
      ]);
      expect(o.overdue.map((m) => [m.text, m.commitmentNumber, m.due.to, m.days])).toEqual([
        ['Chair appointed', 1, '2019-05-31', 76],
        ['Draft strategy', 3, '2019-07-01', 45],
      ]);
    });

    it('gives each commitment its next milestone, lead, current RAG and KPI trend', async () => {
      const b = await build(getStore().db);
      const o = await overview(b);
      expect(o.commitments.map((c) => [c.next?.text, c.next?.due.to])).toEqual([
        ['Chief Executive appointed', '2019-09-10'],
        ['Workshop', '2019-08-15'],
        ['Final strategy', '2019-08-20'],
      ]);
      expect(o.commitments.map((c) => c.lead?.name ?? null)).toEqual(['Ann Lead', null, 'Ben Lead']);
      expect(o.commitments.map((c) => c.rag && [c.rag.label, c.rag.periodLabel])).toEqual([['Red', '2019/20 Q2'], null, null]);
      expect(o.commitments.map((c) => c.kpiTrend)).toEqual(['worsening', 'no-data', 'improving']);
      expect(o.leads.map((l) => l.name)).toEqual(['Ann Lead', 'Ben Lead']);
    });

    it('judges a recurring milestone by its current occurrence, overdue only once the last one has passed', async () => {
      const b = await build(getStore().db);
      const quarterly = (o: Awaited<ReturnType<typeof overview>>) => nth(o.commitments, 1);
      expect(quarterly(await overview(b, NO_FILTERS, '2019-09-05')).next).toMatchObject({ text: 'Quarterly board report', due: { to: '2019-09-30' } });
      expect(quarterly(await overview(b, NO_FILTERS, '2019-09-05')).counts.dueSoon).toBe(1);
      const late = await overview(b, NO_FILTERS, '2020-04-10');
      // After the plan's end the overview is as at its last day, when the last occurrence falls due.
      expect(late.today).toBe('2020-03-31');
      expect(late.overdue.find((m) => m.text === 'Quarterly board report')).toBeUndefined();
      expect(late.dueSoon.find((m) => m.text === 'Quarterly board report')).toMatchObject({ due: { to: '2020-03-31' }, days: 0 });
    });

    it('filters commitments by lead, RAG and overdue milestones, keeping the plan-wide counts', async () => {
      const b = await build(getStore().db);
      const numbers = async (f: Partial<OverviewFilters>) => (await overview(b, { ...NO_FILTERS, ...f })).commitments.map((c) => c.number);
      expect(await numbers({ lead: b.leadA })).toEqual([1]);
      expect(await numbers({ lead: 'none' })).toEqual([2]);
      expect(await numbers({ rags: ['red'] })).toEqual([1]);
      expect(await numbers({ rags: ['unrated'] })).toEqual([2, 3]);
      expect(await numbers({ rags: ['green', 'amber'] })).toEqual([]);
      expect(await numbers({ overdueOnly: true })).toEqual([1, 3]);
      expect(await numbers({ lead: b.leadB, overdueOnly: true })).toEqual([3]);
      const filtered = await overview(b, { ...NO_FILTERS, lead: 'none' });
      expect(filtered.filtering).toBe(true);
      expect(filtered.counts.total).toBe(10);
      expect(filtered.commitmentCount).toBe(3);
    });

    it('shows nothing to a user outside the plan’s organisation, as for a plan that does not exist', async () => {
      const b = await build(getStore().db);
      expect(await planOverview(b.db, b.outsider, b.planId, { today: TODAY })).toBeUndefined();
      expect(await planOverview(b.db, b.owner, b.planId + 1000, { today: TODAY })).toBeUndefined();
    });
  });
});

describe('overview filters from the query string', () => {
  it('reads the form’s fields and ignores values it does not know', () => {
    expect(parseOverviewFilters({ lead: '12', rag: ['red', 'unrated'], overdue: 'yes' })).toEqual({ lead: 12, rags: ['red', 'unrated'], overdueOnly: true });
    expect(parseOverviewFilters({ lead: 'none', rag: 'amber' })).toEqual({ lead: 'none', rags: ['amber'], overdueOnly: false });
    expect(parseOverviewFilters({ lead: 'someone', rag: ['purple'], overdue: 'maybe' })).toEqual(NO_FILTERS);
    expect(parseOverviewFilters({ lead: '' })).toEqual(NO_FILTERS);
  });
});
