import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Rag, Role } from '../../src/domain/types.ts';
import { can, loadUser, type CurrentUser } from '../../src/services/accounts.ts';
import { addKpi, addMilestone, recordKpiReading, redateMilestone, setMilestoneStatus } from '../../src/services/plans.ts';
import {
  ReviewForbiddenError,
  ReviewStateError,
  commitmentHistory,
  comparePeriod,
  correctUpdate,
  ensureReviewPeriods,
  listPlanReviewPeriods,
  periodTaskList,
  respondToUpdate,
  saveUpdate,
  signOffPeriod,
  submitUpdate,
  suggestionFor,
  updateFormData,
  type ReviewPeriodRecord,
} from '../../src/services/reviews/index.ts';
import { listAuditEvents } from '../../src/store/audit-repository.ts';
import { addMembership } from '../../src/store/memberships-repository.ts';
import { createOrganisation } from '../../src/store/organisations-repository.ts';
import { addEvidence } from '../../src/store/monitoring-repository.ts';
import { getPlan, savePlanDraft, updatePlan } from '../../src/store/plans-repository.ts';
import type { PlanDetail } from '../../src/store/records.ts';
import type { Database } from '../../src/store/schema.ts';
import { forEachDatabase } from '../support/databases.ts';
import { insertTestUser, nth, realisticPlanDraft, seedPlan } from '../support/fixtures.ts';

type Db = Kysely<Database>;

/** The review of Q1 2019/20 happens in July, of Q2 in October. */
const AFTER_Q1 = { today: '2019-07-10' };
const AFTER_Q2 = { today: '2019-10-10' };

async function member(db: Db, organisationId: number, role: Role, name: string): Promise<CurrentUser> {
  const id = await insertTestUser(db, name);
  await addMembership(db, id, organisationId, role);
  const user = await loadUser(db, id);
  if (!user) throw new Error('user not found');
  return user;
}

interface Setup {
  plan: PlanDetail;
  reviewer: CurrentUser;
  owner: CurrentUser;
  q1: ReviewPeriodRecord;
  q2: ReviewPeriodRecord;
  ids: [number, number, number];
}

async function setUp(db: Db): Promise<Setup> {
  const plan = await seedPlan(db);
  const reviewer = await member(db, plan.organisationId, 'reviewer', 'Area Lead');
  const owner = await member(db, plan.organisationId, 'plan-owner', 'Plan owner');
  const periods = await ensureReviewPeriods(db, plan.id);
  return { plan, reviewer, owner, q1: nth(periods, 0), q2: nth(periods, 1), ids: plan.commitments.map((c) => c.id) as [number, number, number] };
}

/** Saves a draft with the given RAG (the suggested one when omitted), giving a reason in case it differs. */
async function write(db: Db, user: CurrentUser, commitmentId: number, period: ReviewPeriodRecord, opts: { rag?: Rag; today: string; narrative?: string }) {
  const rag = opts.rag ?? (await suggestionFor(db, user, commitmentId, period.id, opts)).rag;
  const result = await saveUpdate(
    db,
    user,
    { commitmentId, periodId: period.id, rag, narrative: opts.narrative ?? `Progress on ${commitmentId}`, ragOverrideReason: 'Agreed at the review meeting' },
    opts,
  );
  if (!result.ok) throw new Error(`update not saved: ${JSON.stringify(result.errors)}`);
  return result.value;
}

async function stages(db: Db, user: CurrentUser, period: ReviewPeriodRecord): Promise<string[]> {
  return (await periodTaskList(db, user, period.id)).tasks.map((t) => t.stageLabel);
}

/** Makes a re-date look as if it was made on `day` (the service stamps the real time). */
async function backdateRedates(db: Db, milestoneId: number, day: string): Promise<void> {
  await db.updateTable('milestone_redates').set({ changed_at: `${day}T10:00:00.000Z` }).where('milestone_id', '=', milestoneId).execute();
}

describe('review service', () => {
  forEachDatabase((_name, getStore) => {
    describe('review periods', () => {
      it('are generated once from the plan’s period, cadence and financial year, in order, open, with due dates', async () => {
        const { db } = getStore();
        const { plan, reviewer } = await setUp(db);
        const first = await listPlanReviewPeriods(db, reviewer, plan.id);
        const again = await ensureReviewPeriods(db, plan.id);
        expect(again).toEqual(first);
        expect(first.map((p) => [p.label, p.startsOn, p.endsOn, p.dueOn, p.status])).toEqual([
          ['2019/20 Q1', '2019-04-01', '2019-06-30', '2019-07-14', 'open'],
          ['2019/20 Q2', '2019-07-01', '2019-09-30', '2019-10-14', 'open'],
          ['2019/20 Q3', '2019-10-01', '2019-12-31', '2020-01-14', 'open'],
          ['2019/20 Q4', '2020-01-01', '2020-03-31', '2020-04-14', 'open'],
        ]);
        const events = await listAuditEvents(db, plan.organisationId, { entity: 'plan' });
        expect(events.filter((e) => e.action === 'generate-review-periods')).toHaveLength(1);
      });

      it('follow a January financial year and other cadences; a plan without a period has none', async () => {
        const { db } = getStore();
        const org = await createOrganisation(db, 'Council');
        const calendarYear = await savePlanDraft(db, org.id, realisticPlanDraft());
        await updatePlan(db, calendarYear, { fyStartMonth: 1, reviewCadence: 'six-monthly' });
        expect((await ensureReviewPeriods(db, calendarYear)).map((p) => [p.label, p.startsOn, p.endsOn])).toEqual([
          ['2019 H1', '2019-01-01', '2019-06-30'],
          ['2019 H2', '2019-07-01', '2019-12-31'],
          ['2020 H1', '2020-01-01', '2020-06-30'],
        ]);
        const undated = await savePlanDraft(db, org.id, { ...realisticPlanDraft(), period: null });
        expect(await ensureReviewPeriods(db, undated)).toEqual([]);
      });
    });

    it('walks a whole quarter: drafts, submission, response, sign-off, lock, correction as a new version', async () => {
      const { db } = getStore();
      const { plan, reviewer, owner, q1, q2, ids } = await setUp(db);
      const [c1, c2, c3] = ids;

      expect(await stages(db, reviewer, q1)).toEqual(['Not started', 'Not started', 'Not started']);

      for (const id of ids) await write(db, reviewer, id, q1, AFTER_Q1);
      let list = await periodTaskList(db, reviewer, q1.id);
      expect(list.tasks.map((t) => t.stageLabel)).toEqual(['In progress', 'In progress', 'In progress']);
      expect(list.canSignOff).toBe(false);

      // Editing a draft keeps one version.
      const edited = await write(db, reviewer, c1, q1, { ...AFTER_Q1, narrative: 'Chair recruitment under way; interviews in July.' });
      expect(edited).toMatchObject({ version: 1, state: 'draft', narrative: 'Chair recruitment under way; interviews in July.' });

      await submitUpdate(db, reviewer, c1, q1.id);
      await submitUpdate(db, reviewer, c2, q1.id);
      const early = await signOffPeriod(db, reviewer, q1.id);
      expect(early).toEqual({
        ok: false,
        errors: [{ field: `commitment-${c3}`, message: 'Submit the update for commitment 3 before signing off the period' }],
      });
      await expect(submitUpdate(db, reviewer, c1, q1.id)).rejects.toThrow(ReviewStateError);
      await expect(write(db, reviewer, c1, q1, AFTER_Q1)).rejects.toThrow('This update has been submitted and can no longer be edited');
      await submitUpdate(db, reviewer, c3, q1.id);

      const responded = await respondToUpdate(db, owner, c1, q1.id, 'We accept the rating; the Chair starts in August.');
      expect(responded).toMatchObject({ ok: true, value: { state: 'submitted', response: 'We accept the rating; the Chair starts in August.', responseBy: owner.id } });
      expect(await respondToUpdate(db, owner, c2, q1.id, '  ')).toEqual({ ok: false, errors: [{ field: 'response', message: 'Enter the organisation’s response' }] });

      list = await periodTaskList(db, reviewer, q1.id);
      expect(list.tasks.map((t) => [t.stageLabel, t.hasResponse])).toEqual([
        ['Submitted', true],
        ['Submitted', false],
        ['Submitted', false],
      ]);
      expect(list.canSignOff).toBe(true);

      const signed = await signOffPeriod(db, reviewer, q1.id);
      expect(signed).toMatchObject({ ok: true, value: { status: 'signed-off', signedOffBy: reviewer.id } });
      list = await periodTaskList(db, reviewer, q1.id);
      expect(list.locked).toBe(true);
      expect(list.tasks.map((t) => t.stageLabel)).toEqual(['Signed off', 'Signed off', 'Signed off']);

      // Locked: nothing changes any more.
      await expect(write(db, reviewer, c1, q1, AFTER_Q1)).rejects.toThrow('This review period has been signed off: its updates can no longer be changed');
      await expect(respondToUpdate(db, owner, c2, q1.id, 'Late response')).rejects.toThrow(ReviewStateError);
      await expect(signOffPeriod(db, reviewer, q1.id)).rejects.toThrow(ReviewStateError);

      // A correction needs a reason and is a new version; the signed-off one stays as it was.
      const noReason = await correctUpdate(db, reviewer, { commitmentId: c1, periodId: q1.id, rag: 'red', narrative: 'Corrected', ragOverrideReason: 'x' }, AFTER_Q1);
      expect(noReason).toEqual({ ok: false, errors: [{ field: 'correctionReason', message: 'Enter a reason for the correction' }] });
      const corrected = await correctUpdate(
        db,
        reviewer,
        { commitmentId: c1, periodId: q1.id, rag: 'red', narrative: 'Chair recruitment failed in June.', correctionReason: 'The June interviews were cancelled' },
        AFTER_Q1,
      );
      expect(corrected).toMatchObject({
        ok: true,
        value: { version: 2, state: 'signed-off', rag: 'red', correctionReason: 'The June interviews were cancelled', response: 'We accept the rating; the Chair starts in August.' },
      });

      await write(db, reviewer, c1, q2, AFTER_Q2);
      // The reviewer sees their own draft; the plan owner does not (services/update-visibility.ts).
      const ownerSees = await commitmentHistory(db, owner, c1);
      expect(ownerSees.map((h) => h.period?.label ?? 'imported')).toEqual(['imported', '2019/20 Q1']);
      const history = await commitmentHistory(db, reviewer, c1);
      expect(history.map((h) => [h.period?.label ?? 'imported', h.versions.map((v) => [v.version, v.state, v.narrative])])).toEqual([
        ['imported', [[1, 'submitted', 'Q1 2019/20 (Amber): Chair appointed; diversity work “in progress”.']]],
        [
          '2019/20 Q1',
          [
            [1, 'signed-off', 'Chair recruitment under way; interviews in July.'],
            [2, 'signed-off', 'Chair recruitment failed in June.'],
          ],
        ],
        ['2019/20 Q2', [[1, 'draft', `Progress on ${c1}`]]],
      ]);
      expect((await periodTaskList(db, reviewer, q1.id)).tasks[0]?.update?.version).toBe(2);

      const actions = (await listAuditEvents(db, plan.organisationId)).reverse().map((e) => `${e.entity} ${e.action}`);
      expect(actions.filter((a) => a.startsWith('progress-update') || a.startsWith('review-period'))).toEqual([
        'progress-update create',
        'progress-update create',
        'progress-update create',
        'progress-update update',
        'progress-update submit',
        'progress-update submit',
        'progress-update submit',
        'progress-update respond',
        'review-period sign-off',
        'progress-update correct',
        'progress-update create',
      ]);
    });

    describe('the suggested RAG', () => {
      it('turns Amber for a milestone that slipped in the period, giving the reason, judged as at the period end', async () => {
        const { db } = getStore();
        const { reviewer, owner, q1, ids } = await setUp(db);
        const c3 = ids[2];
        expect(await suggestionFor(db, reviewer, c3, q1.id, AFTER_Q1)).toEqual({ rag: 'green', reasons: ['No milestones were due by 30 Jun 2019'] });

        const consultation = await addMilestone(db, c3, { text: 'Consultation closes', due: { from: '2019-06-20', to: '2019-06-20' } }, owner.id);
        await addMilestone(db, c3, { text: 'Launch event', due: { from: '2019-09-30', to: '2019-09-30' } }, owner.id);
        const expected = { rag: 'amber', reasons: ['1 milestone overdue by up to a month (Consultation closes, due 20 Jun 2019, 10 days late)'] };
        expect(await suggestionFor(db, reviewer, c3, q1.id, AFTER_Q1)).toEqual(expected);

        // Done and re-dated after the quarter ended: Q1 is still judged as it stood on 30 June.
        await redateMilestone(db, consultation.id, { from: '2019-12-31', to: '2019-12-31' }, 'Extended', owner.id);
        await backdateRedates(db, consultation.id, '2019-07-05');
        await setMilestoneStatus(db, consultation.id, 'done', owner.id, '2019-07-08');
        expect(await suggestionFor(db, reviewer, c3, q1.id, AFTER_Q1)).toEqual(expected);

        const saved = await saveUpdate(db, reviewer, { commitmentId: c3, periodId: q1.id, rag: 'amber', narrative: 'Consultation ran late.' }, AFTER_Q1);
        expect(saved).toMatchObject({ ok: true, value: { rag: 'amber', suggestedRag: 'amber', suggestedReasons: expected.reasons, ragOverrideReason: null } });
      });

      it('turns Amber for a milestone re-dated in the period and for a KPI below its trajectory', async () => {
        const { db } = getStore();
        const { plan, reviewer, owner, q1, ids } = await setUp(db);
        const strategy = nth(nth(plan.commitments, 2).milestones, 0);
        await redateMilestone(db, strategy.id, { from: '2020-01-06', to: '2020-01-31' }, 'Waiting for ONS data', owner.id);
        await backdateRedates(db, strategy.id, '2019-06-12');
        const kpi = await addKpi(db, ids[2], { text: 'KPI: Women on the board', baseline: 20, target: 40, targetDate: '2020-03-31' }, owner.id);
        await recordKpiReading(db, kpi.id, { date: '2019-04-01', value: 20 }, owner.id);
        await recordKpiReading(db, kpi.id, { date: '2019-06-30', value: 21 }, owner.id);
        await recordKpiReading(db, kpi.id, { date: '2019-07-05', value: 40 }, owner.id); // after the quarter: ignored

        const form = await updateFormData(db, reviewer, ids[2], q1.id, AFTER_Q1);
        expect(form.suggestion).toEqual({
          rag: 'amber',
          reasons: [
            '1 milestone re-dated this period (Draft strategy 04/11/2019 – 13/12/2019)',
            'Women on the board KPI below trajectory (latest 21 on 30 Jun 2019, expected 24.93)',
          ],
        });
        expect(form.kpis.map((k) => [k.name, k.latest?.value ?? null])).toEqual([
          ['GVA growth above the national average', null],
          ['500 apprenticeships a year', null],
          ['Women on the board', 21],
        ]);
        expect(form.stage).toBe('not-started');
        expect(form.rights).toEqual({ write: true, respond: false, signOff: true });
      });
    });

    describe('checking the update', () => {
      it('requires a reason for a RAG other than the suggested one, storing nothing until it is given', async () => {
        const { db } = getStore();
        const { reviewer, q1, ids } = await setUp(db);
        const form = { commitmentId: ids[2], periodId: q1.id, rag: 'amber', narrative: 'Strategy work started late.' };
        expect(await saveUpdate(db, reviewer, form, AFTER_Q1)).toEqual({
          ok: false,
          errors: [{ field: 'ragOverrideReason', message: 'Enter a reason for choosing Amber instead of the suggested Green' }],
        });
        expect(await stages(db, reviewer, q1)).toEqual(['Not started', 'Not started', 'Not started']);

        const saved = await saveUpdate(db, reviewer, { ...form, ragOverrideReason: 'The strategy board has not met' }, AFTER_Q1);
        expect(saved).toMatchObject({ ok: true, value: { rag: 'amber', suggestedRag: 'green', ragOverrideReason: 'The strategy board has not met' } });
      });

      it('returns every problem with the narrative, RAG and KPI references as a list', async () => {
        const { db } = getStore();
        const { plan, reviewer, q1, ids } = await setUp(db);
        const otherCommitmentsKpi = nth(nth(plan.commitments, 0).kpis, 0).id;
        const result = await saveUpdate(db, reviewer, { commitmentId: ids[2], periodId: q1.id, rag: '', narrative: 'x'.repeat(20_001), kpiRefs: [otherCommitmentsKpi] }, AFTER_Q1);
        expect(result).toEqual({
          ok: false,
          errors: [
            { field: 'rag', message: 'Select a RAG status' },
            { field: 'narrative', message: 'Progress update must be 20,000 characters or fewer' },
            { field: 'kpiRefs', message: 'Select only KPIs of this commitment' },
          ],
        });
        const own = nth(plan.commitments, 2).kpis.map((k) => k.id);
        const saved = await saveUpdate(db, reviewer, { commitmentId: ids[2], periodId: q1.id, rag: 'green', narrative: 'On track', kpiRefs: own }, AFTER_Q1);
        expect(saved).toMatchObject({ ok: true, value: { kpiRefs: own } });
      });
    });

    describe('authorisation', () => {
      it('lets only a reviewer of the organisation write, submit and sign off', async () => {
        const { db } = getStore();
        const { plan, reviewer, owner, q1, ids } = await setUp(db);
        const admin = await member(db, plan.organisationId, 'admin', 'Admin');
        const lead = await member(db, plan.organisationId, 'commitment-lead', 'Lead');
        const viewer = await member(db, plan.organisationId, 'viewer', 'Board member');
        const form = { commitmentId: ids[0], periodId: q1.id, rag: 'red', narrative: 'Written by someone else', ragOverrideReason: 'x' };
        for (const user of [owner, admin, lead, viewer]) {
          await expect(saveUpdate(db, user, form, AFTER_Q1), user.name).rejects.toThrow(ReviewForbiddenError);
        }
        expect(await stages(db, reviewer, q1)).toEqual(['Not started', 'Not started', 'Not started']);

        for (const id of ids) await write(db, reviewer, id, q1, AFTER_Q1);
        await expect(submitUpdate(db, owner, ids[0], q1.id)).rejects.toThrow(ReviewForbiddenError);
        for (const id of ids) await submitUpdate(db, reviewer, id, q1.id);
        await expect(signOffPeriod(db, owner, q1.id)).rejects.toThrow(ReviewForbiddenError);
        await expect(signOffPeriod(db, admin, q1.id)).rejects.toThrow(ReviewForbiddenError);
        expect((await periodTaskList(db, reviewer, q1.id)).locked).toBe(false);
      });

      it('lets the plan owner or an admin respond, but not the reviewer', async () => {
        const { db } = getStore();
        const { plan, reviewer, owner, q1, ids } = await setUp(db);
        const admin = await member(db, plan.organisationId, 'admin', 'Admin');
        await write(db, reviewer, ids[0], q1, AFTER_Q1);
        await submitUpdate(db, reviewer, ids[0], q1.id);
        await expect(respondToUpdate(db, reviewer, ids[0], q1.id, 'Reviewer answering themselves')).rejects.toThrow(
          'Only the plan owner or an admin of this organisation can respond to a progress update',
        );
        expect(await respondToUpdate(db, owner, ids[0], q1.id, 'Owner response')).toMatchObject({ ok: true });
        expect(await respondToUpdate(db, admin, ids[0], q1.id, 'Admin response')).toMatchObject({ ok: true, value: { response: 'Admin response' } });
      });

      it('refuses a reviewer of another organisation everything, reading included', async () => {
        const { db } = getStore();
        const { plan, reviewer, q1, ids } = await setUp(db);
        const elsewhere = await createOrganisation(db, 'Another LEP');
        const outsider = await member(db, elsewhere.id, 'reviewer', 'Other Area Lead');
        await write(db, reviewer, ids[0], q1, AFTER_Q1);
        const form = { commitmentId: ids[0], periodId: q1.id, rag: 'red', narrative: 'Not mine to write', ragOverrideReason: 'x' };
        await expect(saveUpdate(db, outsider, form, AFTER_Q1)).rejects.toThrow(ReviewForbiddenError);
        await expect(submitUpdate(db, outsider, ids[0], q1.id)).rejects.toThrow(ReviewForbiddenError);
        await expect(signOffPeriod(db, outsider, q1.id)).rejects.toThrow(ReviewForbiddenError);
        await expect(periodTaskList(db, outsider, q1.id)).rejects.toThrow(ReviewForbiddenError);
        await expect(listPlanReviewPeriods(db, outsider, plan.id)).rejects.toThrow(ReviewForbiddenError);
        await expect(commitmentHistory(db, outsider, ids[0])).rejects.toThrow(ReviewForbiddenError);
        expect((await periodTaskList(db, reviewer, q1.id)).tasks[0]?.update?.narrative).toBe(`Progress on ${ids[0]}`);
      });

      it('does not let a reviewer edit the plan', async () => {
        const { db } = getStore();
        const { plan, reviewer } = await setUp(db);
        for (const action of ['plan:edit', 'plan:import', 'commitment:edit'] as const) {
          expect(can(reviewer, action, plan.organisationId), action).toBe(false);
        }
        expect(can(reviewer, 'update:write', plan.organisationId)).toBe(true);
      });
    });

    it('compares Q2 with Q1: RAG moves, milestones completed, slipped and re-dated, KPI readings added', async () => {
      const { db } = getStore();
      const { plan, reviewer, owner, q1, q2, ids } = await setUp(db);
      const [c1, c2, c3] = ids;
      for (const id of ids) await write(db, reviewer, id, q1, AFTER_Q1);

      const chair = nth(nth(plan.commitments, 0).milestones, 0);
      const strategy = nth(nth(plan.commitments, 2).milestones, 0);
      const kpi = nth(nth(plan.commitments, 0).kpis, 0);
      await setMilestoneStatus(db, chair.id, 'done', owner.id, '2019-07-15');
      // The quarterly diversity report was made in Q2 (recorded as evidence), so Q2 misses nothing of commitment 1.
      const diversityReport = nth(nth(plan.commitments, 0).milestones, 2);
      await addEvidence(db, { milestoneId: diversityReport.id, date: '2019-09-20', note: 'Q2 diversity report to the Board', createdBy: owner.id });
      const register = await addMilestone(db, c2, { text: 'Publish register of interests', due: { from: '2019-08-31', to: '2019-08-31' } }, owner.id);
      await redateMilestone(db, strategy.id, { from: '2020-01-06', to: '2020-01-31' }, 'Waiting for ONS data', owner.id);
      await backdateRedates(db, strategy.id, '2019-08-10');
      await recordKpiReading(db, kpi.id, { date: '2019-05-01', value: 20 }, owner.id);
      await recordKpiReading(db, kpi.id, { date: '2019-09-01', value: 27 }, owner.id);

      for (const id of ids) await write(db, reviewer, id, q2, AFTER_Q2);
      // The Q2 updates are still drafts: the reviewer, who wrote them, sees their RAGs.
      const { period, previous, changes } = await comparePeriod(db, reviewer, q2.id, AFTER_Q2);
      expect([period.label, previous?.label]).toEqual(['2019/20 Q2', '2019/20 Q1']);
      expect(changes.commitments.map((c) => [c.number, c.rag])).toEqual([
        [1, { from: 'red', to: 'green', move: 'improved' }],
        [2, { from: 'red', to: 'red', move: 'unchanged' }],
        [3, { from: 'green', to: 'amber', move: 'worsened' }],
      ]);
      const [first, second, third] = changes.commitments;
      expect(first?.completed).toEqual([{ milestoneId: chair.id, text: chair.text, doneOn: '2019-07-15' }]);
      expect(first?.readings).toEqual([{ kpiId: kpi.id, kpiName: '33% of Board members are women by 2020', date: '2019-09-01', value: 27 }]);
      expect(second?.slipped).toEqual([{ milestoneId: register.id, text: 'Publish register of interests', due: { from: '2019-08-31', to: '2019-08-31' } }]);
      expect(third?.redated).toEqual([
        expect.objectContaining({ milestoneId: strategy.id, newDue: { from: '2020-01-06', to: '2020-01-31' }, reason: 'Waiting for ONS data', changedOn: '2019-08-10' }),
      ]);
      expect(changes.totals).toEqual({ improved: 1, worsened: 1, completed: 1, slipped: 1, redated: 1, readings: 1 });

      const firstPeriod = await comparePeriod(db, reviewer, q1.id, AFTER_Q1);
      expect(firstPeriod.previous).toBeNull();
      expect(firstPeriod.changes.commitments.map((c) => c.rag.move)).toEqual(['first', 'first', 'first']);
      expect(firstPeriod.changes.commitments.map((c) => c.slipped.map((s) => s.text))).toEqual([
        ['Appointment of Permanent Chair by April/May 2019'],
        ['Workshop 1 – Wednesday 15th May'],
        [],
      ]);
      expect(c1).toBe(first?.commitmentId);
      expect(c3).toBe(third?.commitmentId);
    });

    it('finds no period, commitment or plan that does not exist', async () => {
      const { db } = getStore();
      const { reviewer, q1 } = await setUp(db);
      await expect(periodTaskList(db, reviewer, 9999)).rejects.toThrow('There is no review period 9999');
      await expect(saveUpdate(db, reviewer, { commitmentId: 9999, periodId: q1.id, rag: 'green', narrative: 'x' })).rejects.toThrow('There is no commitment 9999');
      const other = await seedPlan(db, 'Another LEP');
      await expect(saveUpdate(db, reviewer, { commitmentId: nth(other.commitments, 0).id, periodId: q1.id, rag: 'green', narrative: 'x' })).rejects.toThrow(
        /There is no commitment \d+ in the plan of review period/,
      );
      expect(await getPlan(db, other.id)).toBeDefined();
    });
  });
});
