import { describe, expect, it } from 'vitest';
import { getMilestone, listMilestoneRedates } from '../../src/store/milestones-repository.ts';
import { listAuditEvents } from '../../src/store/audit-repository.ts';
import { listEvidence } from '../../src/store/monitoring-repository.ts';
import { checkedValue, inputValue, submitMultipart, trackingAppForAllTests, visibleText } from './commitment-setup.ts';

describe('milestone pages', () => {
  const t = trackingAppForAllTests();

  const commitment = (n: number) => t.plan.commitments[n - 1]!;
  const milestone = (n: number, i: number) => commitment(n).milestones[i]!;

  it('re-dates a milestone with a reason, keeping the baseline and recording who and why', async () => {
    const owner = await t.as('owner@a.example');
    const m = milestone(1, 0);
    const url = `/milestones/${m.id}/redate`;
    const res = await owner.submit(url, url, { 'due-day': '30', 'due-month': '6', 'due-year': '2019', reason: 'Recruitment panel delayed' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/commitments/${commitment(1).id}?notice=milestone-redated#milestone-${m.id}`);

    const stored = await getMilestone(t.store.db, m.id);
    expect(stored?.due).toEqual({ from: '2019-06-30', to: '2019-06-30' });
    expect(stored?.baseline).toEqual({ from: '2019-04-01', to: '2019-05-31' });
    const [redate] = await listMilestoneRedates(t.store.db, m.id);
    expect(redate?.reason).toBe('Recruitment panel delayed');

    const page = visibleText((await owner.get(`/commitments/${commitment(1).id}`)).body);
    expect(page).toContain('baseline 1 April 2019 to 31 May 2019 → now 30 June 2019 (Recruitment panel delayed, Olive Owner)');
    const history = visibleText((await owner.get(url)).body);
    expect(history).toContain('1 April 2019 to 31 May 2019 → 30 June 2019 by Olive Owner');
    const orgId = t.plan.organisationId;
    const audit = await listAuditEvents(t.store.db, orgId);
    expect(audit.some((e) => e.entity === 'milestone' && e.entityId === m.id && e.action === 'redate')).toBe(true);
  });

  it('refuses a re-date without a reason, keeping the typed date and the stored one', async () => {
    const owner = await t.as('owner@a.example');
    const m = milestone(2, 0);
    const url = `/milestones/${m.id}/redate`;
    const res = await owner.submit(url, url, { 'due-day': '12', 'due-month': '7', 'due-year': '2019', reason: '  ' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('<a href="#reason">Enter why the milestone is being re-dated</a>');
    expect(res.body).toMatch(/id="reason-error"/);
    expect(inputValue(res.body, 'due-day')).toBe('12');
    expect(inputValue(res.body, 'due-month')).toBe('7');
    expect(res.body).toMatch(/<title>Error: /);
    expect((await getMilestone(t.store.db, m.id))?.due).toEqual(m.due);
    expect(await listMilestoneRedates(t.store.db, m.id)).toEqual([]);
  });

  it('reads a new due date written in words, shows what it was read as, and saves it once confirmed', async () => {
    const owner = await t.as('owner@a.example');
    const m = milestone(2, 1);
    const url = `/milestones/${m.id}/redate`;
    const check = await owner.submit(url, url, { duePhrase: 'end of October 2019', reason: 'Board meeting moved' });
    expect(check.statusCode).toBe(200);
    expect(visibleText(check.body)).toContain('“end of October 2019” was read as 31 October 2019');
    expect((await getMilestone(t.store.db, m.id))?.due).toEqual(m.due);

    const confirmed = await owner.submit(url, url, { duePhrase: 'end of October 2019', phraseChecked: 'end of October 2019', reason: 'Board meeting moved' });
    expect(confirmed.statusCode).toBe(303);
    expect((await getMilestone(t.store.db, m.id))?.due).toEqual({ from: '2019-10-31', to: '2019-10-31' });
  });

  it('says so when no date can be read in the words, or the date is not real', async () => {
    const owner = await t.as('owner@a.example');
    const url = `/milestones/${milestone(3, 0).id}/redate`;
    const words = await owner.submit(url, url, { duePhrase: 'when we can', reason: 'x' });
    expect(words.statusCode).toBe(400);
    expect(visibleText(words.body)).toContain('No date could be read in “when we can”');
    expect(inputValue(words.body, 'duePhrase')).toBe('when we can');
    const unreal = await owner.submit(url, url, { 'due-day': '31', 'due-month': '2', 'due-year': '2020', reason: 'x' });
    expect(unreal.statusCode).toBe(400);
    expect(visibleText(unreal.body)).toContain('New due date must be a real date');
    const partial = await owner.submit(url, url, { 'due-day': '3', 'due-year': '2020', reason: 'x' });
    expect(visibleText(partial.body)).toContain('New due date must include a month');
  });

  it('edits text and status, and sets a due date in words for an undated milestone', async () => {
    const owner = await t.as('owner@a.example');
    const m = milestone(1, 1);
    const url = `/milestones/${m.id}/edit`;
    const form = { text: 'Annual appraisal of Board members', status: 'in-progress', duePhrase: 'by March 2020' };
    const check = await owner.submit(url, url, form);
    expect(visibleText(check.body)).toContain('“by March 2020” was read as');
    const res = await owner.submit(url, url, { ...form, phraseChecked: 'by March 2020' });
    expect(res.statusCode).toBe(303);
    const stored = await getMilestone(t.store.db, m.id);
    expect(stored?.text).toBe('Annual appraisal of Board members');
    expect(stored?.status).toBe('in-progress');
    expect(stored?.due?.to).toBe('2020-03-31');
    expect(stored?.baseline).toEqual(stored?.due);
    // Once dated, the edit page sends date changes to re-dating.
    const again = await owner.get(url);
    expect(again.body).not.toContain('name="due-day"');
    expect(again.body).toContain(`href="/milestones/${m.id}/redate"`);
  });

  it('rejects an empty milestone text and keeps what was stored and typed', async () => {
    const owner = await t.as('owner@a.example');
    const m = milestone(3, 0);
    const url = `/milestones/${m.id}/edit`;
    const res = await owner.submit(url, url, { text: '', status: 'done' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<a href="#text">Enter what the milestone is</a>');
    expect(checkedValue(res.body, 'status')).toBe('done');
    const stored = await getMilestone(t.store.db, m.id);
    expect(stored?.text).toBe(m.text);
    expect(stored?.status).toBe('not-started');
  });

  it('marks a milestone done with a date and an uploaded file, which is listed and downloadable', async () => {
    const owner = await t.as('owner@a.example');
    const m = milestone(1, 2);
    const url = `/milestones/${m.id}/done`;
    const file = { field: 'evidenceFile', name: 'diversity report.txt', bytes: new TextEncoder().encode('Board diversity: 35%\n'), type: 'text/plain' };
    const res = await submitMultipart(t.app, owner, url, url, { 'doneOn-day': '15', 'doneOn-month': '7', 'doneOn-year': '2019', evidenceNote: 'Report to the Board' }, file);
    expect(res.statusCode).toBe(303);
    const stored = await getMilestone(t.store.db, m.id);
    expect(stored?.status).toBe('done');
    expect(stored?.doneOn).toBe('2019-07-15');
    const [evidence] = await listEvidence(t.store.db, { milestoneId: m.id });
    expect(evidence?.note).toBe('Report to the Board');

    const page = (await owner.get(`/commitments/${commitment(1).id}`)).body;
    expect(visibleText(page)).toContain('Done 15 July 2019');
    expect(page).toContain(`href="/evidence/${evidence?.id}/file"`);
    expect(visibleText(page)).toContain('diversity report.txt');
    const download = await owner.get(`/evidence/${evidence?.id}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('Board diversity: 35%\n');
    expect(download.headers['content-disposition']).toContain('attachment; filename="diversity report.txt"');
  });

  it('refuses a done date in the future, storing nothing', async () => {
    const owner = await t.as('owner@a.example');
    const m = milestone(2, 0);
    const url = `/milestones/${m.id}/done`;
    const next = new Date().getUTCFullYear() + 1;
    const res = await submitMultipart(t.app, owner, url, url, { 'doneOn-day': '1', 'doneOn-month': '1', 'doneOn-year': String(next), evidenceNote: 'Kept note' });
    expect(res.statusCode).toBe(400);
    expect(visibleText(res.body)).toContain('Date done must be today or in the past');
    expect(res.body).toContain('Kept note</textarea>');
    expect((await getMilestone(t.store.db, m.id))?.status).toBe('not-started');
    expect(await listEvidence(t.store.db, { milestoneId: m.id })).toEqual([]);
  });

  describe('who may change milestones', () => {
    it('lets the lead of commitment 1 re-date its milestones but not those of commitment 2', async () => {
      const lead = await t.as('lead@a.example');
      const own = `/milestones/${milestone(1, 0).id}/redate`;
      const ok = await lead.submit(own, own, { 'due-day': '31', 'due-month': '7', 'due-year': '2019', reason: 'Lead agreed with the Board' });
      expect(ok.statusCode).toBe(303);
      const other = milestone(2, 0);
      const theirs = `/milestones/${other.id}/redate`;
      expect((await lead.get(theirs)).statusCode).toBe(403);
      const csrf = /name="_csrf" value="([^"]+)"/.exec((await lead.get(own)).body)?.[1] ?? '';
      const refused = await lead.post(theirs, { _csrf: csrf, 'due-day': '1', 'due-month': '8', 'due-year': '2019', reason: 'no' });
      expect(refused.statusCode).toBe(403);
      expect((await getMilestone(t.store.db, other.id))?.due).toEqual(other.due);
    });

    it('refuses every change page and form to a viewer and a reviewer', async () => {
      const m = milestone(3, 0);
      for (const email of ['viewer@a.example', 'reviewer@a.example']) {
        const user = await t.as(email);
        const csrf = /name="_csrf" value="([^"]+)"/.exec((await user.get(`/commitments/${commitment(3).id}`)).body)?.[1] ?? '';
        for (const action of ['edit', 'redate', 'done']) {
          expect((await user.get(`/milestones/${m.id}/${action}`)).statusCode, `${email} GET ${action}`).toBe(403);
        }
        const edit = await user.post(`/milestones/${m.id}/edit`, { _csrf: csrf, text: 'Changed by a viewer', status: 'dropped' });
        expect(edit.statusCode).toBe(403);
        const redate = await user.post(`/milestones/${m.id}/redate`, { _csrf: csrf, 'due-day': '1', 'due-month': '1', 'due-year': '2020', reason: 'x' });
        expect(redate.statusCode).toBe(403);
      }
      const stored = await getMilestone(t.store.db, m.id);
      expect(stored?.text).toBe(m.text);
      expect(stored?.due).toEqual(m.due);
    });

    it('answers another organisation with page not found', async () => {
      const other = await t.as('owner@b.example');
      const m = milestone(1, 0);
      for (const action of ['edit', 'redate', 'done']) {
        expect((await other.get(`/milestones/${m.id}/${action}`)).statusCode).toBe(404);
      }
      const csrf = /name="_csrf" value="([^"]+)"/.exec((await other.get('/')).body)?.[1] ?? '';
      const res = await other.post(`/milestones/${m.id}/redate`, { _csrf: csrf, 'due-day': '1', 'due-month': '1', 'due-year': '2020', reason: 'x' });
      expect(res.statusCode).toBe(404);
    });
  });
});
