// Browser journey in Debian's Chromium: the plan owner publishes a plan with JavaScript off, the public reads it
// (with and without JavaScript) and downloads its CSV; the owner's calendar and reminder pages. Every page passes
// axe (WCAG 2.2 AA), checked with JavaScript on (axe runs as a script in the page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { openStore, type Store } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { buildApp } from '../../src/web/app.ts';
import { setPlanPublished } from '../../src/services/publishing.ts';
import { INTERNAL_TEXT, PASSWORD, PUBLIC_TEXT, seedPlanWithInternals, type SeededPublicPlan } from '../web/public-plan-seed.ts';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

describe('publishing a plan and reading it as the public, in a browser', { timeout: 180_000 }, () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let seeded: SeededPublicPlan;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tracker-e2e-public-'));
    const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: join(dir, 'e2e.sqlite'), DEMO: 'false', HOST: '127.0.0.1', TRACKER_TODAY: '2019-09-25' });
    store = openStore(config.databaseUrl);
    await migrate(store);
    seeded = await seedPlanWithInternals(store.db);
    app = await buildApp({ store, config, logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signedInOwner(javaScriptEnabled: boolean): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email address').fill(seeded.owner.email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/`);
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
    await setPlanPublished(store.db, seeded.owner, seeded.plan.id, true);
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
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
