// The quarterly review pages through HTTP, as the demo reviewer, plan owner and a user of another organisation
// would use them: write → check → submit, respond, sign off, correct, compare, history; and every refusal.
import { afterEach, describe, expect, it } from 'vitest';
import { addKpi, recordKpiReading } from '../../src/services/plans.ts';
import { listCommitments } from '../../src/store/commitments-repository.ts';
import { getPlanRecord, savePlanDraft } from '../../src/store/plans-repository.ts';
import { realisticPlanDraft } from '../support/fixtures.ts';
import { demoAccount } from '../support/demo-accounts.ts';
import { readerText as text, seedDemoReviews, signedInBrowser, type Browser } from './review-setup.ts';
import { client, createTestApp, type TestApp } from './support.ts';

const REVIEWER = demoAccount('reviewer@demo.example');
const OWNER = demoAccount('owner@demo.example');
const OTHER = demoAccount('other@demo.example');

interface Setup {
  planId: number;
  q1: number;
  q2: number;
  /** Commitment ids by number (1…9). */
  commitment: (n: number) => number;
  as(who: { email: string; password: string }): Promise<Browser>;
}

let t: TestApp;

async function setUp(): Promise<Setup> {
  t = await createTestApp({ DEMO: 'true' });
  return {
    ...(await seedDemoReviews(t)),
    as: (who) => signedInBrowser(t, who),
  };
}

function taskStatus(html: string, commitmentId: number): string {
  const match = new RegExp(`id="commitment-${commitmentId}-status">([\\s\\S]*?)</div>`).exec(html);
  return text(match?.[1] ?? '').trim();
}

const updateUrl = (periodId: number, commitmentId: number) => `/reviews/${periodId}/commitments/${commitmentId}`;

describe('quarterly review pages', () => {
  afterEach(async () => {
    await t.close();
  });

  it('walks one commitment from update to sign-off, response and correction, then compares and shows the history', async () => {
    const s = await setUp();
    const reviewer = await s.as(REVIEWER);
    const owner = await s.as(OWNER);
    const c1 = s.commitment(1);

    expect((await reviewer.get(`/plans/${s.planId}`)).body).toContain(`href="/plans/${s.planId}/reviews">Quarterly review</a>`);
    expect((await reviewer.get(`/commitments/${c1}`)).body).toContain(`href="/commitments/${c1}/updates"`);
    const periods = await reviewer.get(`/plans/${s.planId}/reviews`);
    expect(periods.statusCode).toBe(200);
    expect(text(periods.body)).toContain('2024/25 Q1 1 April 2024 to 30 June 2024 14 July 2024 Open');
    expect(periods.body).toContain(`href="/reviews/${s.q1}"`);

    const tasks = await reviewer.get(`/reviews/${s.q1}`);
    expect(tasks.statusCode).toBe(200);
    expect(text(tasks.body)).toContain('0 of 9 updates submitted');
    expect(taskStatus(tasks.body, c1)).toBe('Not started');
    expect(text(tasks.body)).toContain('Write and submit the update for commitment 1 before signing off the period');
    expect(tasks.body, 'no sign-off button yet').not.toContain(`action="/reviews/${s.q1}/sign-off"`);

    // The form: the plan's RAG definitions as hints, the suggestion (Red: the board's terms of reference were agreed
    // more than a month late) with why.
    const form = await reviewer.get(updateUrl(s.q1, c1));
    expect(form.statusCode).toBe(200);
    const formText = text(form.body);
    expect(formText).toContain('Red (suggested)');
    expect(formText).toContain('Significant risk: delivery is off track and needs intervention');
    expect(formText).toContain('Suggested RAG: Red');
    expect(formText).toContain('2 milestones overdue by more than a month (Improvement board terms of reference agreed 15 May 2024');

    // Agreeing with the suggestion needs no reason; "Save as draft" goes back to the task list.
    const draft = await reviewer.send(updateUrl(s.q1, c1), { rag: 'red', narrative: 'First draft.', next: 'draft' });
    expect(draft.statusCode).toBe(303);
    expect(draft.headers.location).toBe(`/reviews/${s.q1}?notice=draft-saved&commitment=${c1}`);
    const afterDraft = await reviewer.get(draft.headers.location as string);
    expect(text(afterDraft.body)).toContain('Draft saved for commitment 1');
    expect(taskStatus(afterDraft.body, c1)).toBe('In progress');

    // A different RAG with its reason → check your answers → submit.
    const saved = await reviewer.send(updateUrl(s.q1, c1), {
      rag: 'amber',
      narrative: 'The permanent Chief Executive starts in August.\nThe board has met every month since May.',
      ragOverrideReason: 'The appointment is made; only the start date is late.',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${updateUrl(s.q1, c1)}/check`);
    const check = await reviewer.get(`${updateUrl(s.q1, c1)}/check`);
    const checkText = text(check.body);
    expect(checkText).toContain('Check your answers before submitting the update');
    expect(checkText).toContain('RAG status Amber');
    expect(checkText).toContain('Suggested RAG Red');
    expect(checkText).toContain('Reason for a different RAG The appointment is made; only the start date is late.');
    expect(checkText).toContain('The permanent Chief Executive starts in August. The board has met every month since May.');
    expect(check.body).toContain(`href="${updateUrl(s.q1, c1)}#narrative"`);

    const submitted = await reviewer.send(`${updateUrl(s.q1, c1)}/submit`, {});
    expect(submitted.statusCode).toBe(303);
    const list = await reviewer.get(submitted.headers.location as string);
    expect(text(list.body)).toContain('Update for commitment 1 submitted');
    expect(taskStatus(list.body, c1)).toBe('Submitted');
    expect(text(list.body)).toContain('1 of 9 updates submitted');

    // Submitted: read-only for the reviewer; a second save is refused.
    const readOnly = await reviewer.get(updateUrl(s.q1, c1));
    expect(readOnly.body).not.toContain('name="narrative"');
    expect(text(readOnly.body)).toContain('You have submitted this update');
    const again = await reviewer.send(updateUrl(s.q1, c1), { rag: 'red', narrative: 'Changed my mind.' });
    expect(again.statusCode).toBe(409);
    expect(text(again.body)).toContain('This update has been submitted and can no longer be edited');

    // The owner responds (once without text: an error), and the response shows on the update.
    const ownerView = await owner.get(updateUrl(s.q1, c1));
    expect(ownerView.body).toContain('name="response"');
    expect(ownerView.body).not.toContain('name="narrative"');
    const empty = await owner.send(`${updateUrl(s.q1, c1)}/response`, { response: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(text(empty.body)).toContain("There is a problem Enter the organisation's response");
    const responded = await owner.send(`${updateUrl(s.q1, c1)}/response`, { response: 'A recruitment firm has been appointed.' });
    expect(responded.statusCode).toBe(303);
    const withResponse = await reviewer.get(updateUrl(s.q1, c1));
    expect(text(withResponse.body)).toContain("Organisation's response A recruitment firm has been appointed.");

    // Sign-off is refused while other commitments have no update, with each one named.
    const early = await reviewer.send(`/reviews/${s.q1}/sign-off`, {});
    expect(early.statusCode).toBe(400);
    expect(text(early.body)).toContain('There is a problem');
    expect(early.body).toContain(`href="#commitment-${s.commitment(9)}"`);

    for (let n = 2; n <= 9; n++) {
      const id = s.commitment(n);
      const page = await reviewer.get(updateUrl(s.q1, id));
      const suggested = /value="(red|amber|green|blue)"[^>]*>\s*<label[^>]*>\s*\w+ \(suggested\)/.exec(page.body)?.[1];
      expect(suggested, `suggested RAG for commitment ${n}`).toBeDefined();
      expect((await reviewer.send(updateUrl(s.q1, id), { rag: suggested!, narrative: `Progress on commitment ${n}.` })).statusCode).toBe(303);
      expect((await reviewer.send(`${updateUrl(s.q1, id)}/submit`, {})).statusCode).toBe(303);
    }
    const ready = await reviewer.get(`/reviews/${s.q1}`);
    expect(text(ready.body)).toContain('9 of 9 updates submitted');
    expect(ready.body).toContain(`action="/reviews/${s.q1}/sign-off"`);

    // The owner may not sign off.
    expect((await owner.send(`/reviews/${s.q1}/sign-off`, {})).statusCode).toBe(403);

    const signed = await reviewer.send(`/reviews/${s.q1}/sign-off`, {});
    expect(signed.statusCode).toBe(303);
    const panel = await reviewer.get(signed.headers.location as string);
    expect(panel.body).toContain('govuk-panel--confirmation');
    expect(text(panel.body)).toContain('2024/25 Q1 signed off');
    const locked = await reviewer.get(`/reviews/${s.q1}`);
    expect(taskStatus(locked.body, c1)).toBe('Signed off');
    expect(text(locked.body)).toContain('This period was signed off on');

    // Locked: editing and responding are refused; a correction is a new version and both stay visible.
    const late = await reviewer.send(updateUrl(s.q1, c1), { rag: 'red', narrative: 'Too late.' });
    expect(late.statusCode).toBe(409);
    expect(text(late.body)).toContain('This review period has been signed off: its updates can no longer be changed');
    expect((await owner.send(`${updateUrl(s.q1, c1)}/response`, { response: 'Too late.' })).statusCode).toBe(409);
    const lockedView = await reviewer.get(updateUrl(s.q1, c1));
    expect(lockedView.body).not.toContain('name="narrative"');
    expect(lockedView.body).toContain(`href="${updateUrl(s.q1, c1)}/correct"`);

    const noReason = await reviewer.send(`${updateUrl(s.q1, c1)}/correct`, { rag: 'red', narrative: 'The chosen candidate withdrew on 28 June.' });
    expect(noReason.statusCode).toBe(400);
    expect(text(noReason.body)).toContain('Enter a reason for the correction');
    expect(noReason.body).toContain('The chosen candidate withdrew on 28 June.');
    const corrected = await reviewer.send(`${updateUrl(s.q1, c1)}/correct`, {
      rag: 'red',
      narrative: 'The chosen candidate withdrew on 28 June.',
      correctionReason: 'The withdrawal was announced after the update was written.',
    });
    expect(corrected.statusCode).toBe(303);
    const versions = text((await owner.get(updateUrl(s.q1, c1))).body);
    expect(versions).toContain('Version 2 (correction)');
    expect(versions).toContain('Version 1 (original)');
    expect(versions).toContain('The chosen candidate withdrew on 28 June.');
    expect(versions).toContain('The permanent Chief Executive starts in August.');
    expect(versions).toContain('Reason for the correction The withdrawal was announced after the update was written.');
    expect(versions.indexOf('Version 2 (correction)')).toBeLessThan(versions.indexOf('Version 1 (original)'));

    // History: every version, newest first, on the commitment's updates page.
    const history = await owner.get(`/commitments/${c1}/updates`);
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('moj-timeline');
    const historyText = text(history.body);
    expect(historyText).toContain('2024/25 Q1: Version 2 (correction)');
    expect(historyText).toContain('2024/25 Q1: Version 1 (original)');
    expect(historyText).toContain("Organisation's response: A recruitment firm has been appointed.");

    // Comparison: Q1 is the first period; Q2 is compared with Q1's RAG statuses.
    const first = await reviewer.get(`/reviews/${s.q1}/comparison`);
    expect(text(first.body)).toContain('2024/25 Q1 is the first review period of this plan');
    const q2 = await owner.get(`/reviews/${s.q2}/comparison`);
    expect(q2.statusCode).toBe(200);
    const row = /<tr class="govuk-table__row" id="move-(\d+)">([\s\S]*?)<\/tr>/.exec(q2.body);
    expect(Number(row?.[1])).toBe(c1);
    expect(text(row?.[2] ?? '')).toContain('Red Not rated yet No update yet in this period');
    expect(text(q2.body)).toContain('Compared with 2024/25 Q1');
  });

  it('keeps what was typed and explains the error when a different RAG comes without a reason', async () => {
    const s = await setUp();
    const reviewer = await s.as(REVIEWER);
    const c3 = s.commitment(3); // suggested Green: nothing was due by the end of Q1
    const response = await reviewer.send(updateUrl(s.q1, c3), { rag: 'blue', narrative: 'The complaints policy was agreed <early>.' });
    expect(response.statusCode).toBe(400);
    const page = text(response.body);
    expect(page).toContain('There is a problem Enter a reason for choosing Blue instead of the suggested Green');
    expect(response.body).toContain('href="#ragOverrideReason"');
    expect(response.body).toContain('The complaints policy was agreed &lt;early&gt;.');
    expect(response.body).toMatch(/value="blue" checked/);
    expect(response.body).toMatch(/<title>Error: /);
    // Nothing was saved.
    expect(taskStatus((await reviewer.get(`/reviews/${s.q1}`)).body, c3)).toBe('Not started');
  });

  it('lists each KPI with its latest reading and keeps the ones referred to', async () => {
    const s = await setUp();
    const c3 = s.commitment(3);
    const kpi = await addKpi(t.store.db, c3, { text: 'KPI: Complaints acknowledged in three days', unit: '%', baseline: 20, target: 40, targetDate: '2025-03-31' }, null);
    await recordKpiReading(t.store.db, kpi.id, { date: '2024-06-30', value: 30 }, null);
    await recordKpiReading(t.store.db, kpi.id, { date: '2024-08-01', value: 35 }, null); // after Q1: not shown
    const other = await addKpi(t.store.db, c3, { text: 'KPI: Complaints sent on to the Ombudsman' }, null);
    const reviewer = await s.as(REVIEWER);

    const form = text((await reviewer.get(updateUrl(s.q1, c3))).body);
    expect(form).toContain('Complaints acknowledged in three days Latest reading: 30% on 30 June 2024');
    expect(form).toContain('Complaints sent on to the Ombudsman No readings yet');

    const one = await reviewer.send(updateUrl(s.q1, c3), { rag: 'green', narrative: 'On track.', kpiRefs: String(kpi.id) });
    expect(one.statusCode).toBe(303);
    const check = text((await reviewer.get(`${updateUrl(s.q1, c3)}/check`)).body);
    expect(check).toContain('KPIs referred to Complaints acknowledged in three days (Latest reading: 30% on 30 June 2024)');
    expect(check).not.toContain('Complaints sent on to the Ombudsman');

    const both = await reviewer.send(updateUrl(s.q1, c3), { rag: 'green', narrative: 'On track.', kpiRefs: [String(kpi.id), String(other.id)] });
    expect(both.statusCode).toBe(303);
    expect(text((await reviewer.get(`${updateUrl(s.q1, c3)}/check`)).body)).toContain('Complaints sent on to the Ombudsman (No readings yet)');
  });

  it('refuses the plan owner the reviewer’s column and the reviewer the plan', async () => {
    const s = await setUp();
    const owner = await s.as(OWNER);
    const c2 = s.commitment(2);
    const form = await owner.get(updateUrl(s.q1, c2));
    expect(form.statusCode).toBe(200);
    expect(form.body).not.toContain('name="narrative"');
    expect(text(form.body)).toContain('The reviewer has not written this update yet.');
    const write = await owner.send(updateUrl(s.q1, c2), { rag: 'red', narrative: 'Written by the owner.' });
    expect(write.statusCode).toBe(403);
    expect(text(write.body)).toContain('Only a reviewer of this organisation can write its progress updates');
    expect((await owner.send(`${updateUrl(s.q1, c2)}/submit`, {})).statusCode).toBe(403);

    const reviewer = await s.as(REVIEWER);
    const edit = await reviewer.send(`/commitments/${c2}/edit`, { title: 'Rewritten by the reviewer', summary: '' });
    expect(edit.statusCode).toBe(403);
    const reviewerTasks = await reviewer.get(`/reviews/${s.q1}`);
    expect(taskStatus(reviewerTasks.body, c2)).toBe('Not started');
  });

  it('answers a user of another organisation with "not found" everywhere', async () => {
    const s = await setUp();
    const other = await s.as(OTHER);
    const c1 = s.commitment(1);
    for (const url of [`/plans/${s.planId}/reviews`, `/reviews/${s.q1}`, updateUrl(s.q1, c1), `/reviews/${s.q2}/comparison`, `/commitments/${c1}/updates`]) {
      expect((await other.get(url)).statusCode, url).toBe(404);
    }
    expect((await other.send(updateUrl(s.q1, c1), { rag: 'red', narrative: 'Not mine.' })).statusCode).toBe(404);
    expect((await other.send(`/reviews/${s.q1}/sign-off`, {})).statusCode).toBe(404);
    // Unknown ids and a commitment of the plan looked up under a period it is not in are "not found" too.
    const reviewer = await s.as(REVIEWER);
    expect((await reviewer.get('/reviews/99999')).statusCode).toBe(404);
    expect((await reviewer.get(updateUrl(s.q1, 99999))).statusCode).toBe(404);
    expect((await reviewer.get('/reviews/not-a-number')).statusCode).toBe(404);
  });

  it('answers "not found" for a commitment of another plan of the same organisation under this period', async () => {
    const s = await setUp();
    const plan = await getPlanRecord(t.store.db, s.planId);
    const otherPlanId = await savePlanDraft(t.store.db, plan!.organisationId, realisticPlanDraft());
    const [elsewhere] = await listCommitments(t.store.db, otherPlanId);
    const reviewer = await s.as(REVIEWER);
    // The period is the reviewer's to read and write: the commitment is what does not belong.
    expect((await reviewer.get(`/commitments/${elsewhere!.id}`)).statusCode).toBe(200);
    expect((await reviewer.get(updateUrl(s.q1, elsewhere!.id))).statusCode).toBe(404);
    const write = await reviewer.send(updateUrl(s.q1, elsewhere!.id), { rag: 'green', narrative: 'In the wrong plan.' });
    expect(write.statusCode).toBe(404);
    expect(text(write.body)).toContain('Page not found');
    expect((await reviewer.send(`${updateUrl(s.q1, elsewhere!.id)}/submit`, {})).statusCode).toBe(404);
    expect(taskStatus((await reviewer.get(`/reviews/${s.q1}`)).body, s.commitment(1))).toBe('Not started');
  });

  it('sends a signed-out visitor to sign in', async () => {
    const s = await setUp();
    const visitor = client(t.app);
    const response = await visitor.get(`/reviews/${s.q1}`);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toContain('/sign-in');
  });
});
