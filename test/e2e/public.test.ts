// Browser journey in Debian's Chromium: the plan owner publishes a plan with JavaScript off, the public reads it
// (with and without JavaScript) and downloads its CSV; the owner's calendar and reminder pages. Every page passes
// axe (WCAG 2.2 AA), checked with JavaScript on (axe runs as a script in the page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setPlanPublished } from '../../src/services/publishing.ts';
import { INTERNAL_TEXT, PASSWORD, PUBLIC_TEXT, seedPlanWithInternals, type SeededPublicPlan } from '../web/public-plan-seed.ts';
import { expectNoAxeViolations, signIn, startServer, type TestServer } from './support.ts';

describe('publishing a plan and reading it as the public, in a browser', { timeout: 180_000 }, () => {
  let server: TestServer<SeededPublicPlan>;
  let base: string;
  let seeded: SeededPublicPlan;

  beforeAll(async () => {
    server = await startServer('tracker-e2e-public-', {
      env: { DEMO: 'false', TRACKER_TODAY: '2019-09-25' },
      seed: (store) => seedPlanWithInternals(store.db),
    });
    ({ base, seeded } = server);
  });

  afterAll(async () => {
    await server?.close();
  });

  async function signedInOwner(javaScriptEnabled: boolean): Promise<Page> {
    const context = await server.browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, base, { email: seeded.owner.email, password: PASSWORD });
    return page;
  }

  it('the owner publishes with JavaScript off; the public page shows the signed-off update only', async () => {
    const page = await signedInOwner(false);
    await page.goto(`${base}/plans/${seeded.plan.id}/publishing`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Publishing');
    await page.getByRole('button', { name: 'Publish this plan' }).click();
    await page.waitForURL(/changed=published/);
    expect(await page.getByText('The plan is now published').count()).toBe(1);

    await page.locator('main a[href^="/public/plans/"]').click();
    await page.waitForURL(/\/public\/plans\/\d+-/);
    const text = await page.locator('main').innerText();
    expect(text).toContain(PUBLIC_TEXT.signedOff);
    for (const [name, internal] of Object.entries(INTERNAL_TEXT)) expect(text, name).not.toContain(internal);
    // The public page has no internal navigation, even for a signed-in owner.
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);

    await page.goto(`${base}/account/calendar`);
    await page.getByRole('button', { name: 'Make a calendar feed address' }).click();
    expect(await page.getByLabel('Calendar feed address').inputValue()).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await page.context().close();
  });

  it('the owner’s publishing, calendar and reminders pages pass axe', async () => {
    const page = await signedInOwner(true);
    await page.goto(`${base}/plans/${seeded.plan.id}/publishing`);
    await expectNoAxeViolations(page);
    await page.goto(`${base}/plans/${seeded.plan.id}/publishing?changed=published`);
    await expectNoAxeViolations(page);
    await page.goto(`${base}/account/calendar`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /Make a new address|Make a calendar feed address/ }).click();
    await page.getByLabel('Calendar feed address').waitFor();
    await expectNoAxeViolations(page);
    await page.goto(`${base}/reminders/preview`);
    expect(await page.getByText('3 people would get a reminder today.').count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('anyone reads the published plan without signing in, with JavaScript on or off, and downloads its CSV', async () => {
    await setPlanPublished(server.store.db, seeded.owner, seeded.plan.id, true);
    for (const javaScriptEnabled of [true, false]) {
      const context = await server.browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      const response = await page.goto(`${base}/public/plans/${seeded.plan.id}`);
      expect(response?.status()).toBe(200);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Lancashire LEP improvement plan 2019/20');
      expect(await page.getByRole('heading', { level: 3, name: /^1\. We will provide strong/ }).count()).toBe(1);
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Download this plan as a spreadsheet (CSV)' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`${seeded.plan.id}-lancashire-lep-improvement-plan-2019-20.csv`);
      expect(errors, 'browser console errors (e.g. CSP)').toEqual([]);
      await context.close();
    }
  });
});
