// The quarterly review as the reviewer and the plan owner live it (issue 14), through HTTP on the demo plan:
// the update page holds the evidence to judge on; the period page gives each role its tasks (the owner's
// responses each with a link and a count); returning an update to draft keeps both versions and tells the owner
// (e-mail, and on the period page); sign-off goes through a check page to a confirmation and e-mails the owners;
// a new cadence shows which periods change first and keeps a signed-off period as it was.
import type { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addEvidence, recordKpiReading } from '../../src/services/plans.ts';
import { listKpis, updateKpi } from '../../src/store/kpis-repository.ts';
import { listMilestones } from '../../src/store/milestones-repository.ts';
import { listMonitoringItems } from '../../src/store/monitoring-repository.ts';
import { getPlanRecord } from '../../src/store/plans-repository.ts';
import { listReviewPeriods } from '../../src/store/review-periods-repository.ts';
import { SMTP_PASS, SMTP_USER, closedPort, startSmtpServer, type Received } from '../services/smtp-test-server.ts';
import { demoAccount } from '../support/demo-accounts.ts';
import { readerText as text, seedDemoReviews, signedInBrowser } from './review-setup.ts';
import { createTestApp, type TestApp } from './support.ts';

const REVIEWER = demoAccount('reviewer@demo.example');
const OWNER = demoAccount('owner@demo.example');

/** The HTML of the element with the id, up to the next heading of the same kind (good enough for sections). */
function section(html: string, id: string, until: RegExp = /<h3 /): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return '';
  const rest = html.slice(start);
  const end = rest.slice(10).search(until);
  return end < 0 ? rest : rest.slice(0, end + 10);
}

const updateUrl = (periodId: number, commitmentId: number) => `/reviews/${periodId}/commitments/${commitmentId}`;

let t: TestApp;
const received: Received[] = [];
let smtp: { server: SMTPServer; port: number };

beforeAll(async () => {
  smtp = await startSmtpServer(received);
});
afterAll(async () => new Promise<void>((resolve) => smtp.server.close(() => resolve())));
afterEach(async () => {
  received.length = 0;
  await t?.close();
});

async function setUp(smtpPort = smtp.port) {
  t = await createTestApp({
    DEMO: 'true',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_USER,
    SMTP_PASS,
    MAIL_FROM: 'Improvement Tracker <tracker@demo.example>',
    SERVICE_URL: 'https://tracker.demo.example',
  });
  return {
    ...(await seedDemoReviews(t)),
    reviewer: await signedInBrowser(t, REVIEWER),
    owner: await signedInBrowser(t, OWNER),
  };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

/** Writes and submits the suggested RAG for each commitment numbered in `numbers`. */
async function submitAll(s: Setup, periodId: number, numbers: number[]) {
  for (const n of numbers) {
    const id = s.commitment(n);
    const page = await s.reviewer.get(updateUrl(periodId, id));
    const suggested = /value="(red|amber|green|blue)"[^>]*>\s*<label[^>]*>\s*\w+ \(suggested\)/.exec(page.body)?.[1];
    expect(suggested, `suggested RAG for commitment ${n}`).toBeDefined();
    expect((await s.reviewer.send(updateUrl(periodId, id), { rag: suggested!, narrative: `Update ${n} for the period.` })).statusCode).toBe(303);
    expect((await s.reviewer.send(`${updateUrl(periodId, id)}/submit`, {})).statusCode).toBe(303);
  }
}

describe('the review as reviewers and owners live it', () => {
  it('puts the milestones, evidence, KPI readings and the previous response on the update page', async () => {
    const s = await setUp();
    const c1 = s.commitment(1);
    const [milestones, kpis, items] = await Promise.all([listMilestones(t.store.db, c1), listKpis(t.store.db, c1), listMonitoringItems(t.store.db, c1)]);
    const induction = milestones.find((m) => m.text.startsWith('Induction programme'))!;
    const later = milestones.find((m) => m.text.startsWith('Annual Governance Statement'))!;
    await addEvidence(t.store.db, { milestoneId: induction.id, date: '2024-08-20', note: 'Induction sign-off sheet' }, null);
    await addEvidence(t.store.db, { milestoneId: induction.id, date: '2024-05-02', note: 'Recorded in Q1, not Q2' }, null);
    await addEvidence(t.store.db, { monitoringItemId: items[0]!.id, date: '2024-09-12', note: 'Minutes of the August board' }, null);
    // Measured against a trajectory from 70% to 100% over the plan's year.
    await updateKpi(t.store.db, kpis[0]!.id, { unit: '%', baseline: 70, target: 100, targetDate: '2025-03-31', direction: 'higher' });
    await recordKpiReading(t.store.db, kpis[0]!.id, { date: '2024-06-30', value: 75 }, null);
    await recordKpiReading(t.store.db, kpis[0]!.id, { date: '2024-09-30', value: 80 }, null);
    await recordKpiReading(t.store.db, kpis[0]!.id, { date: '2024-12-31', value: 95 }, null);

    // Q1: the update and the organisation's response, to be read again in Q2.
    await s.reviewer.send(updateUrl(s.q1, c1), { rag: 'red', narrative: 'The first quarter: recruitment under way.' });
    await s.reviewer.send(`${updateUrl(s.q1, c1)}/submit`, {});
    await s.owner.send(`${updateUrl(s.q1, c1)}/response`, { response: 'We have appointed a recruitment firm.' });

    const page = await s.reviewer.get(updateUrl(s.q2, c1));
    expect(page.statusCode).toBe(200);
    const body = text(page.body);
    // Milestones due in or before Q2, in full, with status and dates; evidence of Q2 only.
    const milestonesHtml = section(page.body, 'evidence-milestones');
    expect(text(milestonesHtml)).toContain(induction.text);
    expect(induction.text.length).toBeGreaterThan(60);
    expect(text(milestonesHtml)).toContain(later.text);
    expect(page.body).toContain(`id="milestone-${induction.id}"`);
    expect(text(milestonesHtml)).toContain('Baseline date');
    expect(text(milestonesHtml)).toContain('Induction sign-off sheet');
    expect(text(milestonesHtml)).not.toContain('Recorded in Q1, not Q2');
    expect(text(milestonesHtml)).not.toContain('Balanced budget');
    // KPI readings up to the end of Q2, against the trajectory, in a details component.
    const kpiHtml = section(page.body, 'evidence-kpis');
    expect(kpiHtml).toContain('govuk-details');
    expect(text(kpiHtml)).toContain('2 readings of Board meetings quorate (%)');
    expect(text(kpiHtml)).toContain('30 September 2024 80% 85%');
    expect(text(kpiHtml)).not.toContain('95%');
    expect(text(kpiHtml)).toMatch(/Against the trajectory (On track|Off track)/);
    // Monitoring evidence of the period.
    expect(text(section(page.body, 'evidence-monitoring'))).toContain(`${items[0]!.text} 12 September 2024: Minutes of the August board`);
    // The previous period's update and the organisation's response.
    const previous = text(section(page.body, 'previous-update', /<h2 /));
    expect(previous).toContain('2024/25 Q1');
    expect(previous).toContain('The first quarter: recruitment under way.');
    expect(previous).toContain("Organisation's response We have appointed a recruitment firm.");
    // The suggestion's reasons name full milestone texts and link to them on the page.
    const at = page.body.indexOf('id="suggested-reasons"');
    const reasons = page.body.slice(at, page.body.indexOf('</ul>\n', at + 1) + 2000);
    expect(reasons).toMatch(new RegExp(`<a class="govuk-link" href="#milestone-${induction.id}">\\s*${induction.text}\\s*</a>`));
    expect(body).toContain('The evidence for 2024/25 Q2');
  });

  it('gives the owner a response to write for each submitted update, with a link and a count, and a confirmation after each', async () => {
    const s = await setUp();
    await submitAll(s, s.q1, [1, 2, 3]);
    const period = await s.owner.get(`/reviews/${s.q1}`);
    expect(text(section(period.body, 'responses', /<h2 /))).toContain('3 responses remaining.');
    expect(text(period.body)).toContain('The reviewer has not submitted 6 updates yet');
    for (const n of [1, 2, 3]) expect(period.body).toContain(`href="${updateUrl(s.q1, s.commitment(n))}#response"`);
    // The reviewer's own task list is not shown to the owner, nor the sign-off.
    expect(period.body).not.toContain('id="reviewer-tasks"');

    const saved = await s.owner.send(`${updateUrl(s.q1, s.commitment(1))}/response`, { response: 'Agreed: we will report monthly.' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${updateUrl(s.q1, s.commitment(1))}/done?notice=response-saved`);
    const done = await s.owner.get(saved.headers.location as string);
    expect(done.body).toContain('govuk-panel--confirmation');
    const doneText = text(done.body);
    expect(doneText).toContain('Response saved');
    expect(doneText).toContain('Agreed: we will report monthly.');
    expect(doneText).toContain('What happens next');
    expect(doneText).toContain('2 responses remaining.');
    expect(done.body).toContain(`href="${updateUrl(s.q1, s.commitment(2))}#response"`);

    const after = await s.owner.get(`/reviews/${s.q1}`);
    expect(text(section(after.body, 'responses', /<h2 /))).toContain('2 responses remaining.');
    expect(text(after.body)).toMatch(/Respond to commitment 1: .* Responded/);
    // The reviewer sees the steps: write, submit, sign off.
    const reviewerView = text((await s.reviewer.get(`/reviews/${s.q1}`)).body);
    expect(reviewerView).toContain('Your tasks as reviewer');
    expect(reviewerView).toContain('6 not started yet');
  });

  it('returns a submitted update to draft with a reason, keeps both versions, tells the owner, then signs off through the check page', async () => {
    const s = await setUp();
    const c4 = s.commitment(4);
    await submitAll(s, s.q1, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await s.owner.send(`${updateUrl(s.q1, c4)}/response`, { response: 'Owner response to the first version.' });

    // The owner may not return an update to draft.
    expect((await s.owner.send(`${updateUrl(s.q1, c4)}/return-to-draft`, { reason: 'No.' })).statusCode).toBe(403);

    const form = await s.reviewer.get(`${updateUrl(s.q1, c4)}/return-to-draft`);
    expect(form.statusCode).toBe(200);
    expect(text(form.body)).toContain('Return this update to draft');
    const empty = await s.reviewer.send(`${updateUrl(s.q1, c4)}/return-to-draft`, { reason: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(text(empty.body)).toContain('Enter why you are returning this update to draft');
    const returned = await s.reviewer.send(`${updateUrl(s.q1, c4)}/return-to-draft`, { reason: 'The savings figure was from the wrong quarter.' });
    expect(returned.statusCode).toBe(303);
    expect(returned.headers.location).toBe(`${updateUrl(s.q1, c4)}/done?notice=returned&emailed=1&failed=0`);
    const done = text((await s.reviewer.get(returned.headers.location as string)).body);
    expect(done).toContain('Update returned to draft');
    expect(done).toContain("We have e-mailed the organisation's plan owners to tell them.");
    expect(done).toContain('What happens next');

    // The owner is told: by e-mail, and on the period page and the update page.
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual([OWNER.email]);
    expect(received[0]!.subject).toContain('the 2024/25 Q1 update for commitment 4 was returned to draft');
    expect(received[0]!.text).toContain('Reason: The savings figure was from the wrong quarter.');
    expect(received[0]!.text).toContain(`https://tracker.demo.example${updateUrl(s.q1, c4)}`);
    const ownerPeriod = text((await s.owner.get(`/reviews/${s.q1}`)).body);
    expect(ownerPeriod).toContain('The update for commitment 4 was returned to draft on');
    expect(ownerPeriod).toContain('Reason: The savings figure was from the wrong quarter.');

    // Sign-off is not possible while it is a draft.
    expect((await s.reviewer.get(`/reviews/${s.q1}/sign-off`)).statusCode).toBe(303);

    // Resubmitted: both versions stay in the history.
    await s.reviewer.send(updateUrl(s.q1, c4), {
      rag: (/value="(red|amber|green|blue)"[^>]*checked/.exec((await s.reviewer.get(updateUrl(s.q1, c4))).body)?.[1]) ?? 'green',
      narrative: 'Corrected savings figure for the first quarter.',
    });
    expect((await s.reviewer.send(`${updateUrl(s.q1, c4)}/submit`, {})).statusCode).toBe(303);
    const history = text((await s.owner.get(`/commitments/${c4}/updates`)).body);
    expect(history).toContain('2024/25 Q1: Version 1 (returned to draft)');
    expect(history).toContain('2024/25 Q1: Version 2 (after return to draft)');
    expect(history).toContain('Update 4 for the period.');
    expect(history).toContain('Corrected savings figure for the first quarter.');

    // The check page: every commitment's RAG, update and response, and what will lock.
    const check = await s.reviewer.get(`/reviews/${s.q1}/sign-off`);
    expect(check.statusCode).toBe(200);
    const checkText = text(check.body);
    expect(checkText).toContain('Check before you sign off 2024/25 Q1');
    expect((check.body.match(/class="govuk-summary-list"/g) ?? []).length).toBe(9);
    expect(checkText).toContain('Corrected savings figure for the first quarter.');
    expect(checkText).toContain('Owner response to the first version.');
    expect(checkText).toContain('What will lock');
    expect((await s.owner.get(`/reviews/${s.q1}/sign-off`)).statusCode).toBe(403);

    received.length = 0;
    const signed = await s.reviewer.send(`/reviews/${s.q1}/sign-off`, {});
    expect(signed.statusCode).toBe(303);
    expect(signed.headers.location).toBe(`/reviews/${s.q1}/signed-off?emailed=1&failed=0`);
    const panel = await s.reviewer.get(signed.headers.location as string);
    expect(panel.body).toContain('govuk-panel--confirmation');
    expect(text(panel.body)).toContain('What happens next');
    expect(text(panel.body)).toContain("We have e-mailed the organisation's plan owners to tell them.");
    expect(received).toHaveLength(1);
    expect(received[0]!.subject).toBe('Kestrel Vale Council improvement plan 2024/25: 2024/25 Q1 review signed off');
    expect(received[0]!.text).toContain('Rita Reviewer signed off the 2024/25 Q1 review');
    // Only the current versions were signed off: the returned version stays as it was submitted.
    const rows = await t.store.db.selectFrom('progress_updates').select(['version', 'state']).where('commitment_id', '=', c4).orderBy('version').execute();
    expect(rows).toEqual([{ version: 1, state: 'submitted' }, { version: 2, state: 'signed-off' }]);
  });

  it('shows which review periods a new cadence changes before saving, and keeps a signed-off period as it was', async () => {
    const s = await setUp();
    await submitAll(s, s.q1, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect((await s.reviewer.send(`/reviews/${s.q1}/sign-off`, {})).statusCode).toBe(303);
    const before = await listReviewPeriods(t.store.db, s.planId);
    const plan = (await getPlanRecord(t.store.db, s.planId))!;
    const form = { title: plan.title, fyStartMonth: '4', periodType: 'financial-year', fyYear: '2024', reviewCadence: 'six-monthly', status: plan.status };

    const confirm = await s.owner.send(`/plans/${s.planId}/edit`, form);
    expect(confirm.statusCode).toBe(200);
    const confirmText = text(confirm.body);
    expect(confirmText).toContain('Check how the review periods change');
    expect(text(section(confirm.body, 'periods-kept', /<\/ul>/))).toContain('2024/25 Q1 (1 April 2024 to 30 June 2024), signed off');
    expect(text(section(confirm.body, 'periods-kept-to-cover', /<\/ul>/))).toContain('2024/25 Q2');
    expect(text(section(confirm.body, 'periods-removed', /<\/ul>/))).toContain('2024/25 Q3');
    expect(text(section(confirm.body, 'periods-not-added', /<\/ul>/))).toContain('2024/25 H1');
    expect(text(section(confirm.body, 'periods-added', /<\/ul>/))).toContain('2024/25 H2');
    expect(await listReviewPeriods(t.store.db, s.planId)).toEqual(before);
    expect((await getPlanRecord(t.store.db, s.planId))!.reviewCadence).toBe('quarterly');

    const saved = await s.owner.send(`/plans/${s.planId}/edit`, { ...form, confirmPeriods: 'yes' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/plans/${s.planId}/reviews?notice=periods-changed`);
    const list = text((await s.owner.get(saved.headers.location as string)).body);
    expect(list).toContain('The plan’s review periods have changed'.replace('’', "'"));
    const after = await listReviewPeriods(t.store.db, s.planId);
    expect(after.find((p) => p.id === s.q1)).toEqual(before.find((p) => p.id === s.q1));
    // H1 would overlap the signed-off Q1: Q2 stays to cover July to September, and H2 replaces Q3 and Q4.
    expect(after.map((p) => p.label)).toEqual(['2024/25 Q1', '2024/25 Q2', '2024/25 H2']);
    const q1 = text((await s.reviewer.get(`/reviews/${s.q1}`)).body);
    expect(q1).toContain('This period was signed off on');
    expect(q1).toContain('9 of 9 updates submitted');
  });

  it('signs off even when the mail server cannot be reached, and says the owners were not told', async () => {
    const s = await setUp(await closedPort());
    await submitAll(s, s.q1, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const signed = await s.reviewer.send(`/reviews/${s.q1}/sign-off`, {});
    expect(signed.statusCode).toBe(303);
    expect(signed.headers.location).toBe(`/reviews/${s.q1}/signed-off?emailed=0&failed=1`);
    const panel = text((await s.reviewer.get(signed.headers.location as string)).body);
    expect(panel).toContain('2024/25 Q1 signed off');
    expect(panel).toContain("We could not e-mail the organisation's plan owners");
    expect(panel).toContain('Tell them yourself.');
    expect(received).toHaveLength(0);
  });
});
