// Browser journey for the quarterly review (issue 5) in Debian's Chromium, on the demo plan: the reviewer writes
// and submits updates for all nine commitments of 2024/25 Q1 (one with a RAG other than the suggested one, with
// its reason), the owner responds, the reviewer signs off, editing is then refused, a correction keeps both
// versions, and Q2's comparison shows Q1's RAG statuses. Every distinct page is checked with axe (WCAG 2.2 AA).
// Then 2024/25 Q3 is walked with JavaScript off, from the updates through the owner's response to sign-off (axe
// checks copies of those pages, as served, in a JavaScript-on context).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoAccount, expectNoAxeViolations, expectNoAxeViolationsWithoutJs, signedInContext, startDemoServer, type Credentials, type DemoServer } from './support.ts';

const REVIEWER = demoAccount('reviewer@demo.example');
const OWNER = demoAccount('owner@demo.example');

describe('the quarterly review in a browser', () => {
  let server: DemoServer;
  let base: string;
  let planId: number;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer('tracker-e2e-review-');
    base = server.base;
    planId = server.seeded.planId;
  });

  afterAll(async () => {
    await server?.close();
  });

  const signedIn = (who: Credentials, javaScriptEnabled = true) =>
    signedInContext(server, who, { javaScriptEnabled, consoleErrors });

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const status = (page: Page, n: number) =>
    page.locator('.govuk-task-list__item', { has: page.getByRole('link', { name: new RegExp(`^${n}\\. `) }) }).locator('.govuk-task-list__status').innerText();

  it('walks 2024/25 Q1 from the first update to sign-off, then compares Q2 with it', async () => {
    const { context: reviewerContext, page } = await signedIn(REVIEWER);

    // Plan overview → Quarterly review → 2024/25 Q1.
    await page.goto(`${base}/plans/${planId}`);
    await page.getByRole('link', { name: 'Quarterly review' }).click();
    await page.waitForURL(`${base}/plans/${planId}/reviews`);
    expect(await page.locator('#review-periods tbody tr').count()).toBe(4);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: '2024/25 Q1' }).click();
    await page.waitForURL(/\/reviews\/\d+$/);
    const periodUrl = page.url();
    expect(await heading(page)).toBe('2024/25 Q1 review');
    expect(await page.locator('.govuk-task-list__item').count()).toBe(9);
    await expectNoAxeViolations(page);

    // Commitment 1: Amber instead of the suggested Red. Without a reason first: the error, with the text kept.
    await page.getByRole('link', { name: /^1\. / }).click();
    await page.waitForURL(/\/commitments\/\d+$/);
    expect(await page.locator('#suggested-rag').innerText()).toContain('Red');
    expect(await page.locator('#suggested-reasons').innerText()).toContain('Improvement board terms of reference agreed 15 May 2024');
    await expectNoAxeViolations(page);
    await page.getByLabel('Amber', { exact: true }).check();
    await page.getByLabel('Progress update', { exact: true }).fill('The permanent Chief Executive starts in August.');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').innerText()).toContain('Enter a reason for choosing Amber instead of the suggested Red');
    expect(await page.getByLabel('Progress update', { exact: true }).inputValue()).toBe('The permanent Chief Executive starts in August.');
    await expectNoAxeViolations(page);
    await page.getByLabel('Reason for choosing a different RAG').fill('The appointment is made; only the start date is late.');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(/\/check$/);
    expect(await page.locator('.govuk-summary-list').innerText()).toContain('The appointment is made; only the start date is late.');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Submit update' }).click();
    await page.waitForURL(/\/reviews\/\d+\?notice=submitted/);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Update for commitment 1 submitted');
    expect(await status(page, 1)).toBe('Submitted');
    await expectNoAxeViolations(page);

    // Commitments 2–9: the suggested RAG, checked and submitted.
    for (let n = 2; n <= 9; n++) {
      await page.getByRole('link', { name: new RegExp(`^${n}\\. `) }).click();
      await page.waitForURL(/\/commitments\/\d+$/);
      await page.getByRole('radio', { name: /\(suggested\)/ }).check();
      await page.getByLabel('Progress update', { exact: true }).fill(`Progress on commitment ${n} in the first quarter.`);
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.waitForURL(/\/check$/);
      await page.getByRole('button', { name: 'Submit update' }).click();
      await page.waitForURL(/notice=submitted/);
      expect(await status(page, n)).toBe('Submitted');
    }
    expect(await page.locator('#progress').innerText()).toBe('9 of 9 updates submitted');

    // The owner responds to commitment 1.
    const { context: ownerContext, page: ownerPage } = await signedIn(OWNER);
    await ownerPage.goto(periodUrl);
    expect(await ownerPage.getByRole('button', { name: 'Sign off this period' }).count()).toBe(0);
    await expectNoAxeViolations(ownerPage);
    await ownerPage.getByRole('link', { name: /^1\. / }).click();
    await ownerPage.getByLabel('The organisation’s response').fill('A recruitment firm has been appointed.');
    await ownerPage.getByRole('button', { name: 'Save response' }).click();
    await ownerPage.waitForURL(/notice=response-saved/);
    expect(await ownerPage.locator('main').innerText()).toContain('A recruitment firm has been appointed.');
    await expectNoAxeViolations(ownerPage);
    await ownerContext.close();

    // The reviewer signs off: a confirmation panel, then every task is signed off.
    await page.goto(periodUrl);
    // Sign-off goes through a page that checks what will lock, then confirms.
    await page.getByRole('button', { name: 'Sign off this period' }).click();
    await page.waitForURL(/\/sign-off\??$/);
    await page.getByRole('button', { name: 'Sign off this period' }).click();
    await page.waitForURL(/\/signed-off(\?|$)/);
    expect(await page.locator('.govuk-panel__title').innerText()).toBe('2024/25 Q1 signed off');
    await expectNoAxeViolations(page);
    await page.goto(periodUrl);
    expect(await status(page, 1)).toBe('Signed off');
    expect(await status(page, 9)).toBe('Signed off');

    // Editing is refused: no form on the page, and a posted change gets the reason.
    await page.getByRole('link', { name: /^1\. / }).click();
    const updatePage = page.url();
    expect(await page.getByLabel('Progress update', { exact: true }).count()).toBe(0);
    expect(await page.locator('#update-state').innerText()).toContain('can no longer be edited');
    await expectNoAxeViolations(page);
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const refused = await reviewerContext.request.post(updatePage, { form: { _csrf: csrf, rag: 'green', narrative: 'Changed after sign-off.' }, maxRedirects: 0 });
    expect(refused.status()).toBe(409);
    expect(await refused.text()).toContain('This review period has been signed off');

    // A correction is a new version; both versions stay visible.
    await page.getByRole('button', { name: 'Correct this update' }).click();
    await page.waitForURL(/\/correct$/);
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: 'Red (suggested)' }).check();
    await page.getByLabel('Progress update', { exact: true }).fill('The chosen candidate withdrew on 28 June.');
    await page.getByLabel('Reason for the correction').fill('The withdrawal was announced after the update was written.');
    await page.getByRole('button', { name: 'Save correction' }).click();
    await page.waitForURL(/notice=corrected/);
    expect(await page.getByRole('heading', { name: 'Version 2 (correction)' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Version 1 (original)' }).count()).toBe(1);
    await expectNoAxeViolations(page);

    // The commitment's history: both versions on the timeline.
    await page.getByRole('link', { name: 'Every progress update for this commitment' }).click();
    await page.waitForURL(/\/updates$/);
    expect(await page.locator('.moj-timeline__item').count()).toBe(2);
    await expectNoAxeViolations(page);

    // Q1's comparison has nothing to compare with; Q2's shows Q1's RAG statuses.
    await page.goto(`${periodUrl}/comparison`);
    expect(await page.locator('#no-previous').innerText()).toContain('first review period');
    await expectNoAxeViolations(page);
    await page.goto(`${base}/plans/${planId}/reviews`);
    await page.getByRole('link', { name: '2024/25 Q2' }).click();
    await page.getByRole('link', { name: /^What changed in 2024\/25 Q2 since 2024\/25 Q1/ }).click();
    await page.waitForURL(/\/comparison$/);
    const firstRow = page.locator('#rag-moves tbody tr').first();
    expect((await firstRow.locator('td').allInnerTexts()).map((s) => s.trim())).toEqual(['Red', 'Not rated yet', 'No update yet in this period']);
    expect(await page.locator('#rag-moves tbody tr').count()).toBe(9);
    await expectNoAxeViolations(page);
    await reviewerContext.close();
    expect(consoleErrors, 'browser console errors (e.g. CSP)').toEqual([]);
  }, 600_000);

  it('walks a whole quarter with JavaScript off: updates, response and sign-off', async () => {
    const { context, page } = await signedIn(REVIEWER, false);
    const checking = await server.browser.newContext();
    await page.goto(`${base}/plans/${planId}/reviews`);
    await page.getByRole('link', { name: '2024/25 Q3' }).click();
    await page.waitForURL(/\/reviews\/\d+$/);
    const periodUrl = page.url();
    await expectNoAxeViolationsWithoutJs(page, checking);
    await page.getByRole('link', { name: /^3\. / }).click();
    await page.getByLabel('Blue', { exact: true }).check();
    await page.getByLabel('Progress update', { exact: true }).fill('Written without JavaScript.');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(/\/commitments\/\d+$/);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter a reason for choosing Blue instead of the suggested');
    await expectNoAxeViolationsWithoutJs(page, checking);
    await page.getByLabel('Reason for choosing a different RAG').fill('The case management system went live early.');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(/\/check$/);
    expect(await page.locator('.govuk-summary-list').innerText()).toContain('Written without JavaScript.');
    await page.getByRole('button', { name: 'Submit update' }).click();
    await page.waitForURL(/notice=submitted/);
    expect(await status(page, 3)).toBe('Submitted');

    for (const n of [1, 2, 4, 5, 6, 7, 8, 9]) {
      await page.getByRole('link', { name: new RegExp(`^${n}\\. `) }).click();
      await page.waitForURL(/\/commitments\/\d+$/);
      await page.getByRole('radio', { name: /\(suggested\)/ }).check();
      await page.getByLabel('Progress update', { exact: true }).fill(`Third-quarter progress on commitment ${n}, sent without JavaScript.`);
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.waitForURL(/\/check$/);
      await page.getByRole('button', { name: 'Submit update' }).click();
      await page.waitForURL(/notice=submitted/);
    }
    expect(await page.locator('#progress').innerText()).toBe('9 of 9 updates submitted');

    // The owner responds without JavaScript too.
    const owner = await signedIn(OWNER, false);
    await owner.page.goto(periodUrl);
    await owner.page.getByRole('link', { name: /^3\. / }).click();
    await owner.page.getByLabel('The organisation’s response').fill('Agreed without JavaScript.');
    await owner.page.getByRole('button', { name: 'Save response' }).click();
    await owner.page.waitForURL(/notice=response-saved/);
    expect(await owner.page.locator('main').innerText()).toContain('Agreed without JavaScript.');
    await owner.context.close();

    await page.goto(periodUrl);
    // Sign-off goes through a page that checks what will lock, then confirms.
    await page.getByRole('button', { name: 'Sign off this period' }).click();
    await page.waitForURL(/\/sign-off\??$/);
    await page.getByRole('button', { name: 'Sign off this period' }).click();
    await page.waitForURL(/\/signed-off(\?|$)/);
    expect(await page.locator('.govuk-panel__title').innerText()).toBe('2024/25 Q3 signed off');
    await expectNoAxeViolationsWithoutJs(page, checking);
    await page.goto(periodUrl);
    expect(await status(page, 3)).toBe('Signed off');
    await page.getByRole('link', { name: /^3\. / }).click();
    expect(await page.getByLabel('Progress update', { exact: true }).count()).toBe(0);
    await checking.close();
    await context.close();
  }, 600_000);
});
