// Browser check in Debian's Chromium: once someone signs out, the browser's Back button does not bring private pages
// back from its cache (they are sent with Cache-Control: no-store), with JavaScript on and off.
import { describe, expect, it } from 'vitest';
import { STATIC_DEMO_TITLE } from '../support/static-demo.ts';
import { demoAccount, demoServerForAllTests, signIn } from './support.ts';

describe('Back after signing out', () => {
  const server = demoServerForAllTests('tracker-e2e-back-');

  for (const javaScriptEnabled of [true, false]) {
    it(`shows the sign-in page, not the plan (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, { timeout: 120_000 }, async () => {
      const { base, browser, seeded } = server;
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await signIn(page, base, demoAccount('owner@demo.example'));
      const planUrl = `${base}/plans/${seeded.planId}`;
      await page.goto(planUrl);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(STATIC_DEMO_TITLE);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/sign-in/);
      await page.goBack();
      await page.waitForLoadState();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
      expect(await page.content()).not.toContain(STATIC_DEMO_TITLE);
      await context.close();
    });
  }
});
