// Browser journey in Debian's Chromium: the demo plan owner opens the plan overview and its timeline (axe, WCAG 2.2
// AA, on both and on the filtered overview with no match), then filters the overview with JavaScript turned off.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { openStore, type Store } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { buildApp } from '../../src/web/app.ts';
import { DEMO_ACCOUNTS, ensureDemo } from '../../src/services/demo.ts';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

describe('plan overview and timeline in a browser', () => {
  const owner = DEMO_ACCOUNTS.find((a) => a.email === 'owner@demo.example')!;
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let planId: number;

  beforeAll(async () => {
    vi.stubEnv('TRACKER_TODAY', '2019-08-15');
    dir = mkdtempSync(join(tmpdir(), 'tracker-e2e-'));
    const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: join(dir, 'e2e.sqlite'), DEMO: 'true', HOST: '127.0.0.1' });
    store = openStore(config.databaseUrl);
    await migrate(store);
    planId = (await ensureDemo(store, config)).planId!;
    app = await buildApp({ store, config, logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await browser?.close();
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signedInPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email address').fill(owner.email);
    await page.getByLabel('Password', { exact: true }).fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/`);
    return page;
  }

  it('shows the overview and the timeline, both passing axe', { timeout: 180_000 }, async () => {
    const context = await browser.newContext();
    const page = await signedInPage(context);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    await page.locator(`main a[href="/plans/${planId}"]`).click();
    await page.waitForURL(`${base}/plans/${planId}`);
    expect(await page.locator('#commitments-table tbody tr').count()).toBe(9);
    expect(await page.locator('#overdue-table tbody tr').count()).toBe(13);
    await expectNoAxeViolations(page);

    await page.goto(`${base}/plans/${planId}?rag=red#commitments`);
    expect(await page.getByText('No commitments match these filters.').count()).toBe(1);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Timeline of milestones' }).click();
    await page.waitForURL(`${base}/plans/${planId}/timeline`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Timeline');
    expect(await page.locator('#timeline-chart svg').getAttribute('aria-hidden')).toBe('true');
    expect(await page.getByRole('table', { name: 'Milestones by commitment, in date order' }).locator('tbody tr').count()).toBe(26);
    await expectNoAxeViolations(page);
    expect(errors, 'browser console errors (e.g. CSP)').toEqual([]);
    await context.close();
  });

  it('filters the overview with JavaScript turned off', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await signedInPage(context);
    await page.goto(`${base}/plans/${planId}`);
    await page.getByLabel('Has overdue milestones').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/overdue=yes/);
    expect(await page.locator('#commitments-table tbody tr').count()).toBe(4);
    expect(await page.getByText('Showing 4 of 9 commitments.').count()).toBe(1);
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
