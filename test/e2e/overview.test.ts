// Browser journey in Debian's Chromium: the demo plan owner opens the plan overview and its timeline (axe, WCAG 2.2
// AA, on both and on the filtered overview with no match), then filters the overview with JavaScript turned off.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { demoAccount, expectNoAxeViolations, signIn, startDemoServer, type DemoServer } from './support.ts';

describe('plan overview and timeline in a browser', () => {
  const owner = demoAccount('owner@demo.example');
  let server: DemoServer;
  let base: string;
  let planId: number;

  beforeAll(async () => {
    vi.stubEnv('TRACKER_TODAY', '2024-08-15');
    server = await startDemoServer('tracker-e2e-');
    base = server.base;
    planId = server.seeded.planId;
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await server?.close();
  });

  async function signedInPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, base, owner);
    return page;
  }

  it('shows the overview and the timeline, both passing axe', { timeout: 180_000 }, async () => {
    const context = await server.browser.newContext();
    const page = await signedInPage(context);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    await page.locator(`main a[href="/plans/${planId}"]`).click();
    await page.waitForURL(`${base}/plans/${planId}`);
    expect(await page.locator('#commitments-table tbody tr').count()).toBe(9);
    expect(await page.locator('#overdue-table tbody tr').count()).toBe(10);
    await expectNoAxeViolations(page);

    await page.goto(`${base}/plans/${planId}?rag=red#commitments`);
    expect(await page.getByText('No commitments match these filters.').count()).toBe(1);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Timeline of milestones' }).click();
    await page.waitForURL(`${base}/plans/${planId}/timeline`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Timeline');
    expect(await page.locator('#timeline-chart svg').getAttribute('aria-hidden')).toBe('true');
    expect(await page.getByRole('table', { name: 'Milestones by commitment, in date order' }).locator('tbody tr').count()).toBe(87);
    await expectNoAxeViolations(page);
    expect(errors, 'browser console errors (e.g. CSP)').toEqual([]);
    await context.close();
  });

  it('filters the overview with JavaScript turned off', { timeout: 180_000 }, async () => {
    const context = await server.browser.newContext({ javaScriptEnabled: false });
    const page = await signedInPage(context);
    await page.goto(`${base}/plans/${planId}`);
    await page.getByLabel('Has overdue milestones').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/overdue=yes/);
    expect(await page.locator('#commitments-table tbody tr').count()).toBe(5);
    expect(await page.getByText('Showing 5 of 9 commitments.').count()).toBe(1);
    expect(await page.getByLabel('Has overdue milestones').isChecked()).toBe(true);

    await page.getByLabel('Red').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/rag=red/);
    expect(await page.getByText('No commitments match these filters.').count()).toBe(1);

    await page.getByRole('link', { name: 'Clear filters' }).first().click();
    await page.waitForURL(`${base}/plans/${planId}#commitments`);
    expect(await page.locator('#commitments-table tbody tr').count()).toBe(9);
    await context.close();
  });
});
