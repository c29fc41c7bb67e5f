// Browser journeys for the quarterly review as reviewers and owners live it (issue 14), in Debian's Chromium on
// the demo plan, each walked with JavaScript on (2024/25 Q1 and Q2) and off (Q3 and Q4), every distinct page
// checked with axe (WCAG 2.2 AA):
// - the owner responds to all nine submitted updates from the period page's links, each ending on a confirmation;
// - the reviewer returns one update to draft with a reason (the owner is e-mailed and sees it on the period page),
//   resubmits it, and signs the period off through the check page, which e-mails the owner;
// - the reviewer judges commitment 1 in the next period from its update page alone: milestones, their evidence,
//   KPI readings and the previous period's response are all on it.
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addEvidence, recordKpiReading } from '../../src/services/plans.ts';
import { saveUpdate, submitUpdate } from '../../src/services/reviews/index.ts';
import { listCommitments } from '../../src/store/commitments-repository.ts';
import { listKpis, updateKpi } from '../../src/store/kpis-repository.ts';
import { listMilestones } from '../../src/store/milestones-repository.ts';
import { listMonitoringItems } from '../../src/store/monitoring-repository.ts';
import { listReviewPeriods, type ReviewPeriodRecord } from '../../src/store/review-periods-repository.ts';
import { SMTP_PASS, SMTP_USER, startSmtpServer, type Received } from '../services/smtp-test-server.ts';
import { userByEmail } from '../services/reviewed-demo.ts';
import { seedStaticDemo, type StaticDemo } from '../support/static-demo.ts';
import {
  demoAccount,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutJs,
  signedInContext,
  startServer,
  type Credentials,
  type TestServer,
} from './support.ts';

const REVIEWER = demoAccount('reviewer@demo.example');
const OWNER = demoAccount('owner@demo.example');

interface Seeded extends StaticDemo {
  periods: ReviewPeriodRecord[];
  commitments: { id: number; number: number }[];
  induction: { id: number; text: string };
  monitoringText: string;
  kpiId: number;
}

describe('the quarterly review as reviewers and owners live it, in a browser', () => {
  let server: TestServer<Seeded>;
  let base: string;
  const received: Received[] = [];
  let smtp: { server: SMTPServer; port: number };
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer(received);
    server = await startServer('tracker-e2e-review-journeys-', {
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_USER, SMTP_PASS, SERVICE_URL: 'https://tracker.demo.example' },
      seed: async (store) => {
        const demo = await seedStaticDemo(store, { reviewPeriods: true });
        const periods = await listReviewPeriods(store.db, demo.planId);
        const commitments = await listCommitments(store.db, demo.planId);
        const c1 = commitments.find((c) => c.number === 1)!.id;
        const [milestones, kpis, items] = await Promise.all([listMilestones(store.db, c1), listKpis(store.db, c1), listMonitoringItems(store.db, c1)]);
        const induction = milestones.find((m) => m.text.startsWith('Induction programme'))!;
        // Evidence in Q2 and Q4 (the periods judged), KPI readings at the end of every quarter.
        for (const [date, note] of [['2024-08-20', 'Q2 induction sign-off sheet'], ['2025-02-10', 'Q4 induction follow-up']] as const) {
          await addEvidence(store.db, { milestoneId: induction.id, date, note }, null);
        }
        for (const [date, note] of [['2024-09-12', 'Q2 board minutes'], ['2025-03-12', 'Q4 board minutes']] as const) {
          await addEvidence(store.db, { monitoringItemId: items[0]!.id, date, note }, null);
        }
        // Measured against a trajectory from 70% to 100% over the plan's year.
        await updateKpi(store.db, kpis[0]!.id, { unit: '%', baseline: 70, target: 100, targetDate: '2025-03-31', direction: 'higher' });
        for (const [date, value] of [['2024-06-30', 72], ['2024-09-30', 81], ['2024-12-31', 88], ['2025-03-31', 97]] as const) {
          await recordKpiReading(store.db, kpis[0]!.id, { date, value }, null);
        }
        return {
          ...demo,
          periods,
          commitments: commitments.map((c) => ({ id: c.id, number: c.number })),
          induction: { id: induction.id, text: induction.text },
          monitoringText: items[0]!.text,
          kpiId: kpis[0]!.id,
        };
      },
    });
    base = server.base;
  });

  afterAll(async () => {
    await server?.close();
    await new Promise<void>((resolve) => smtp?.server.close(() => resolve()));
  });

  /** All nine updates of the period written and submitted, as the reviewer would (quicker than by browser). */
  async function submitAllNine(period: ReviewPeriodRecord) {
    const reviewer = await userByEmail(server.store, REVIEWER.email);
    for (const c of server.seeded.commitments) {
      const saved = await saveUpdate(
        server.store.db,
        reviewer,
        { commitmentId: c.id, periodId: period.id, rag: 'amber', narrative: `${period.label} update for commitment ${c.number}.`, ragOverrideReason: 'Agreed at the review meeting.' },
        { today: period.dueOn },
      );
      if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
      const submitted = await submitUpdate(server.store.db, reviewer, c.id, period.id);
      if (!submitted.ok) throw new Error(JSON.stringify(submitted.errors));
    }
  }

  const signedIn = (who: Credentials, javaScriptEnabled: boolean) =>
    signedInContext(server, who, { javaScriptEnabled, consoleErrors });

  for (const js of [true, false]) {
    const [first, second] = js ? [0, 1] : [2, 3];

    it(`walks a period as owner and reviewer, then judges the next one from the update page (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const period = server.seeded.periods[first]!;
      const next = server.seeded.periods[second]!;
      const periodUrl = `${base}/reviews/${period.id}`;
      const checking = await server.browser.newContext();
      const axe = (page: Page) => (js ? expectNoAxeViolations(page) : expectNoAxeViolationsWithoutJs(page, checking));
      await submitAllNine(period);
      received.length = 0;

      // ---- The owner responds to all nine from the period page's links.
      const owner = await signedIn(OWNER, js);
      await owner.page.goto(periodUrl);
      expect(await owner.page.locator('#responses-remaining').innerText()).toContain('9 responses remaining.');
      expect(await owner.page.locator('#response-tasks .govuk-task-list__item').count()).toBe(9);
      await axe(owner.page);
      for (let n = 1; n <= 9; n++) {
        await owner.page.getByRole('link', { name: new RegExp(`^Respond to commitment ${n}: `) }).click();
        await owner.page.waitForURL(/\/commitments\/\d+#response$/);
        await owner.page.getByLabel('The organisation’s response').fill(`Our response to ${period.label} commitment ${n}.`);
        await owner.page.getByRole('button', { name: 'Save response' }).click();
        await owner.page.waitForURL(/\/done\?notice=response-saved$/);
        expect(await owner.page.locator('.govuk-panel__title').innerText()).toBe('Response saved');
        const main = await owner.page.locator('main').innerText();
        expect(main).toContain('What happens next');
        expect(main).toContain(n === 9 ? 'You have responded to every submitted update.' : `${9 - n} ${9 - n === 1 ? 'response' : 'responses'} remaining.`);
        if (n === 1) {
          await axe(owner.page);
          await owner.page.goto(`${base}/reviews/${period.id}/commitments/${server.seeded.commitments[0]!.id}#response`);
          await axe(owner.page);
        }
        await owner.page.getByRole('link', { name: `Back to ${period.label}` }).click();
        await owner.page.waitForURL(periodUrl);
        expect(await owner.page.locator('#responses-remaining').innerText()).toContain(n === 9 ? 'No responses remaining.' : `${9 - n} response`);
      }

      // ---- The reviewer returns commitment 4 to draft with a reason.
      const reviewer = await signedIn(REVIEWER, js);
      const c4 = server.seeded.commitments.find((c) => c.number === 4)!.id;
      await reviewer.page.goto(periodUrl);
      expect(await reviewer.page.locator('#reviewer-tasks').innerText()).toBe('Your tasks as reviewer');
      await axe(reviewer.page);
      await reviewer.page.getByRole('link', { name: /^4\. / }).click();
      await reviewer.page.getByRole('link', { name: 'Return this update to draft' }).click();
      await reviewer.page.waitForURL(/\/return-to-draft$/);
      await reviewer.page.getByRole('button', { name: 'Return to draft' }).click();
      await expect.poll(() => reviewer.page.locator('.govuk-error-summary').innerText()).toContain('Enter why you are returning this update to draft');
      await axe(reviewer.page);
      await reviewer.page.getByLabel('Why are you returning it to draft?').fill('The savings figure was for the wrong quarter.');
      await reviewer.page.getByRole('button', { name: 'Return to draft' }).click();
      await reviewer.page.waitForURL(/\/done\?notice=returned/);
      expect(await reviewer.page.locator('.govuk-panel__title').innerText()).toBe('Update returned to draft');
      expect(await reviewer.page.locator('#mail-outcome').innerText()).toContain('We have e-mailed the organisation’s plan owners');
      await axe(reviewer.page);
      expect(received.map((m) => m.to[0])).toEqual([OWNER.email]);
      expect(received[0]!.text).toContain('Reason: The savings figure was for the wrong quarter.');

      // The owner sees it on the period page.
      await owner.page.goto(periodUrl);
      expect(await owner.page.locator('#returned-to-draft').innerText()).toContain('The savings figure was for the wrong quarter.');
      await owner.context.close();

      // Resubmitted: change, check, submit.
      await reviewer.page.getByRole('link', { name: 'Change the update' }).click();
      await reviewer.page.getByLabel('Progress update', { exact: true }).fill(`${period.label}: savings figure corrected.`);
      await reviewer.page.getByRole('button', { name: 'Save and continue' }).click();
      await reviewer.page.waitForURL(/\/check$/);
      await reviewer.page.getByRole('button', { name: 'Submit update' }).click();
      await reviewer.page.waitForURL(/notice=submitted/);
      expect(await reviewer.page.locator('.govuk-notification-banner').innerText()).toContain('Update for commitment 4 submitted');

      // Both versions stay in the history.
      await reviewer.page.goto(`${base}/commitments/${c4}/updates`);
      const history = await reviewer.page.locator('#history').innerText();
      expect(history).toContain(`${period.label}: Version 1 (returned to draft)`);
      expect(history).toContain(`${period.label}: Version 2 (after return to draft)`);
      await axe(reviewer.page);

      // ---- Sign-off through the check page.
      received.length = 0;
      await reviewer.page.goto(periodUrl);
      await reviewer.page.getByRole('button', { name: 'Sign off this period' }).click();
      await reviewer.page.waitForURL(/\/sign-off\??$/);
      expect(await reviewer.page.getByRole('heading', { level: 1 }).innerText()).toBe(`Check before you sign off ${period.label}`);
      const check = await reviewer.page.locator('main').innerText();
      expect(check).toContain(`${period.label}: savings figure corrected.`);
      expect(check).toContain(`Our response to ${period.label} commitment 9.`);
      expect(await reviewer.page.locator('#what-will-lock').count()).toBe(1);
      await axe(reviewer.page);
      await reviewer.page.getByRole('button', { name: 'Sign off this period' }).click();
      await reviewer.page.waitForURL(/\/signed-off\?emailed=1&failed=0$/);
      expect(await reviewer.page.locator('.govuk-panel__title').innerText()).toBe(`${period.label} signed off`);
      expect(await reviewer.page.locator('main').innerText()).toContain('What happens next');
      await axe(reviewer.page);
      expect(received.map((m) => m.subject)).toEqual([`Kestrel Vale Council improvement plan 2024/25: ${period.label} review signed off`]);

      // ---- The next period: commitment 1 judged from its update page alone.
      const c1 = server.seeded.commitments.find((c) => c.number === 1)!.id;
      await reviewer.page.goto(`${base}/reviews/${next.id}`);
      await reviewer.page.getByRole('link', { name: /^1\. / }).click();
      await reviewer.page.waitForURL(new RegExp(`/reviews/${next.id}/commitments/${c1}$`));
      const induction = reviewer.page.locator(`#milestone-${server.seeded.induction.id}`);
      expect(await induction.innerText()).toBe(server.seeded.induction.text);
      const main = await reviewer.page.locator('main').innerText();
      expect(main).toContain(js ? 'Q2 induction sign-off sheet' : 'Q4 induction follow-up');
      expect(main).not.toContain(js ? 'Q4 induction follow-up' : 'Q2 induction sign-off sheet');
      expect(main).toContain(js ? 'Q2 board minutes' : 'Q4 board minutes');
      const readings = await reviewer.page.locator(`#kpi-${server.seeded.kpiId}-readings`).innerText();
      expect(readings).toContain(js ? '30 September 2024\t81%' : '31 March 2025\t97%');
      expect(readings).not.toContain(js ? '88%' : 'No trajectory');
      expect(readings).not.toContain('No trajectory');
      expect(await reviewer.page.locator('#previous-response').innerText()).toContain(`Our response to ${period.label} commitment 1.`);
      await axe(reviewer.page);
      // The suggestion's reasons link to the milestones they name, on this page.
      const reasonLinks = reviewer.page.locator('#suggested-reasons a');
      if ((await reasonLinks.count()) > 0) expect(await reasonLinks.first().getAttribute('href')).toMatch(/^#milestone-\d+$/);
      await reviewer.page.getByRole('radio', { name: /\(suggested\)/ }).check();
      await reviewer.page.getByLabel('Progress update', { exact: true }).fill(`Judged from the evidence on this page in ${next.label}.`);
      await reviewer.page.getByRole('button', { name: 'Save and continue' }).click();
      await reviewer.page.waitForURL(/\/check$/);
      await reviewer.page.getByRole('button', { name: 'Submit update' }).click();
      await reviewer.page.waitForURL(/notice=submitted/);
      expect(await reviewer.page.locator('.govuk-notification-banner').innerText()).toContain('Update for commitment 1 submitted');
      await reviewer.context.close();
      await checking.close();
      expect(consoleErrors, 'browser console errors (e.g. CSP)').toEqual([]);
    }, 600_000);
  }
});
