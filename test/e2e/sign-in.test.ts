// Browser journey in Debian's Chromium: sign in as the demo plan owner, open the demo plan, and check every
// page visited with axe (WCAG 2.2 AA).
import { describe, expect, it } from 'vitest';
import { DEMO_ORGANISATION } from '../../src/services/demo.ts';
import { demoAccount, demoServerForAllTests, expectNoAxeViolations, submitSignIn } from './support.ts';

describe('signing in with a browser', () => {
  const server = demoServerForAllTests('tracker-e2e-');

  it('signs the demo plan owner in and shows the Kestrel Vale plan, every page passing axe', async () => {
    const { base, browser } = server;
    const owner = demoAccount('owner@demo.example');
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    await page.goto(`${base}/`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await expectNoAxeViolations(page);

    await submitSignIn(page, owner);
    await page.waitForURL(`${base}/`);
    expect(await page.getByRole('heading', { name: DEMO_ORGANISATION }).count()).toBe(1);
    await expectNoAxeViolations(page);

    const planLinks = page.locator('main a[href^="/plans/"]');
    expect(await planLinks.count(), 'the demo plan is listed on the home page').toBe(1);
    await planLinks.first().click();
    await page.waitForURL(/\/plans\/\d+$/);
    expect(await page.locator('main #commitments-table tbody tr').count()).toBe(9);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(await page.getByText('You have signed out').count()).toBe(1);
    expect(errors, 'browser console errors (e.g. CSP)').toEqual([]);
    await context.close();
  });
});
