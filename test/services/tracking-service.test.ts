// The tracking service's milestone commands: the edit rule (a due date only while there is none, the first one
// also the baseline), a status change dated by the service's clock, all saved together or not at all; marking a
// milestone done with its evidence; and the commitment page's read model judging "overdue" on the same clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { EditConflictError, contentVersion } from '../../src/services/edit-conflicts.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { listAuditEvents } from '../../src/store/audit-repository.ts';
import type { Store } from '../../src/store/database.ts';
import { getMilestone } from '../../src/store/milestones-repository.ts';
import { listEvidence } from '../../src/store/monitoring-repository.ts';
import { findOrCreateOrganisation } from '../../src/store/organisations-repository.ts';
import { getPlan, savePlanDraft } from '../../src/store/plans-repository.ts';
import type { PlanDetail } from '../../src/domain/records.ts';
import { addAccount, type CurrentUser } from '../../src/services/accounts.ts';
import { freshSqliteStore } from '../support/databases.ts';
import { realisticPlanDraft } from '../support/fixtures.ts';

describe('tracking service', () => {
  let store: Store;
  let plan: PlanDetail;
  let owner: CurrentUser;
  const servicesOn = (day: string): Services => createServices(store, { config: loadConfig({ DEMO: 'false' }), clock: fixedClock(day) });

  beforeEach(async () => {
    store = await freshSqliteStore();
    const org = await findOrCreateOrganisation(store.db, 'Org A');
    const planId = await savePlanDraft(store.db, org.id, realisticPlanDraft());
    owner = (await addAccount(store.db, { email: 'owner@a.example', name: 'Olive Owner', password: 'tracking-service-password', organisation: 'Org A', role: 'plan-owner' })).user;
    plan = (await getPlan(store.db, planId))!;
  });
  afterEach(async () => store.close());

  const first = () => plan.commitments[0]!;

  it('keeps an agreed due date when an edit sends another: that is a re-date', async () => {
    const m = first().milestones[0]!;
    const edited = await servicesOn('2019-06-10').tracking.editMilestone(owner, m.id, {
      text: 'Permanent Chair appointed',
      status: 'in-progress',
      due: { from: '2019-12-31', to: '2019-12-31' },
    });
    expect(edited.text).toBe('Permanent Chair appointed');
    expect(edited.status).toBe('in-progress');
    expect(edited.due).toEqual(m.due);
    expect(edited.baseline).toEqual(m.baseline);
  });

  it('sets the first due date of an undated milestone as its baseline too, and dates "done" by the clock', async () => {
    const m = first().milestones[1]!;
    expect(m.due).toBeNull();
    const due = { from: '2019-09-30', to: '2019-09-30' };
    const edited = await servicesOn('2019-07-02').tracking.editMilestone(owner, m.id, { text: m.text, status: 'done', due });
    expect(edited.due).toEqual(due);
    expect(edited.baseline).toEqual(due);
    expect(edited.doneOn).toBe('2019-07-02');
    const events = (await listAuditEvents(store.db, plan.organisationId)).filter((e) => e.entity === 'milestone' && e.entityId === m.id);
    expect(events.map((e) => e.action).sort()).toEqual(['status', 'update']);
  });

  it('saves neither the text nor the status when someone else saved the milestone first', async () => {
    const m = first().milestones[0]!;
    const services = servicesOn('2019-06-10');
    const readVersion = contentVersion(await getMilestone(store.db, m.id));
    await services.tracking.editMilestone(owner, m.id, { text: 'Saved first by someone else', status: m.status });
    await expect(services.tracking.editMilestone(owner, m.id, { text: 'Mine', status: 'done' }, readVersion)).rejects.toBeInstanceOf(EditConflictError);
    const stored = await getMilestone(store.db, m.id);
    expect(stored?.text).toBe('Saved first by someone else');
    expect(stored?.status).toBe(m.status);
    expect(stored?.doneOn).toBeNull();
  });

  it('marks a milestone done with its evidence dated the day it was done', async () => {
    const m = first().milestones[0]!;
    const done = await servicesOn('2019-06-10').tracking.markMilestoneDone(owner, m.id, '2019-06-03', { note: 'Chair started', link: null, file: null });
    expect(done.status).toBe('done');
    expect(done.doneOn).toBe('2019-06-03');
    const [evidence] = await listEvidence(store.db, { milestoneId: m.id });
    expect(evidence?.date).toBe('2019-06-03');
    expect(evidence?.note).toBe('Chair started');
    expect(evidence?.createdBy).toBe(owner.id);
  });

  it('judges the commitment page on its clock: overdue the day after the due window, not on its last day', async () => {
    const m = first().milestones[0]!; // due 1 April to 31 May 2019
    const after = await servicesOn('2019-06-01').tracking.commitmentPage(owner, first().id);
    const onLastDay = await servicesOn('2019-05-31').tracking.commitmentPage(owner, first().id);
    expect(after?.asAt).toBe('2019-06-01');
    expect(after?.milestones.find((x) => x.milestone.id === m.id)?.overdue).toBe(true);
    expect(onLastDay?.milestones.find((x) => x.milestone.id === m.id)?.overdue).toBe(false);
    expect(after?.canEdit).toBe(true);
  });
});
