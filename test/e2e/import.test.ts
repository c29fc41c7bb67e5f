// Browser journey in Debian's Chromium: the demo plan owner imports our fixture Word plan (upload → preview →
// confirm), every page checked with axe (WCAG 2.2 AA); then the same journey with JavaScript turned off (where
// axe, itself a script, cannot run).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { PLAN_DOCX, PLAN_TXT } from '../fixtures/plans/fixture-files.ts';
import { demoAccount, expectNoAxeViolations, signIn, startDemoServer, type DemoServer } from './support.ts';

describe('importing a plan with a browser', () => {
  let server: DemoServer;
  const owner = demoAccount('owner@demo.example');

  beforeAll(async () => {
    server = await startDemoServer('tracker-e2e-import-');
  });

  afterAll(async () => {
    await server?.close();
  });

  async function signedInPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, server.base, owner);
    return page;
  }

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

  it('uploads the fixture Word plan, previews it with its warnings and creates the plan, every page passing axe', async () => {
    const context = await server.browser.newContext();
    const page = await signedInPage(context);
    const errors: string[] = [];
    // The deliberate upload without a file answers 400, which the browser reports; anything else is a fault.
    page.on('console', (m) => m.type() === 'error' && !/status of 400 \(Bad Request\)/.test(m.text()) && errors.push(m.text()));

    await page.getByRole('link', { name: 'Import a plan' }).click();
    await page.waitForURL(/\/organisations\/\d+\/import$/);
    expect(await h1(page)).toBe('Import a plan');
    await expectNoAxeViolations(page);

    // Sent without a file: the error summary and the inline error, also passing axe.
    await page.getByRole('button', { name: 'Upload and check the plan' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select a file to import');
    expect(await page.locator('#file-error').textContent()).toContain('Select a file to import');
    await expectNoAxeViolations(page);

    // GOV.UK Frontend's enhanced file upload keeps the input (with a new id) behind its own button.
    await page.locator('input[type=file][name=file]').setInputFiles(PLAN_DOCX);
    await page.getByRole('button', { name: 'Upload and check the plan' }).click();
    await page.waitForURL(/\/organisations\/\d+\/import\/[A-Za-z0-9_-]{22}$/);
    expect(await h1(page)).toBe('Check the plan before you create it');
    expect(await page.locator('main h2[id^="commitment-"]').count()).toBe(7);
    expect(await page.getByText('Check date', { exact: true }).count()).toBe(4);
    expect(await page.locator('main .govuk-inset-text').textContent()).toContain('14 October 2012');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Confirm and create plan' }).click();
    await page.waitForURL(/\/plans\/\d+\?imported=1$/);
    const banner = page.locator('.govuk-notification-banner--success');
    expect(await banner.textContent()).toContain('was imported from harrowden-2021-22.docx with 7 commitments');
    await expectNoAxeViolations(page);
    expect(errors, 'browser console errors (e.g. CSP)').toEqual([]);
    await context.close();
  }, 120_000);

  it('works with JavaScript turned off: a missing file is reported, then the text plan is imported', async () => {
    const context = await server.browser.newContext({ javaScriptEnabled: false });
    const page = await signedInPage(context);
    await page.getByRole('link', { name: 'Import a plan' }).click();
    await page.waitForURL(/\/import$/);

    await page.getByRole('button', { name: 'Upload and check the plan' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select a file to import');
    expect(await page.locator('#file-error').textContent()).toContain('Select a file to import');

    await page.locator('input#file').setInputFiles(PLAN_TXT);
    await page.getByRole('button', { name: 'Upload and check the plan' }).click();
    await page.waitForURL(/\/import\/[A-Za-z0-9_-]{22}$/);
    expect(await page.locator('main h2[id^="commitment-"]').count()).toBe(7);

    await page.getByRole('button', { name: 'Confirm and create plan' }).click();
    await page.waitForURL(/\/plans\/\d+\?imported=1$/);
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain('harrowden-2021-22.txt');
    await context.close();
  });
});
