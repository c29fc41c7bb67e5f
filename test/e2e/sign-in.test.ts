// Browser journey in Debian's Chromium: sign in as the demo plan owner, open the Lancashire plan, and check every
// page visited with axe (WCAG 2.2 AA).
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

describe('signing in with a browser', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tracker-e2e-'));
    const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: join(dir, 'e2e.sqlite'), DEMO: 'true', HOST: '127.0.0.1' });
    store = openStore(config.databaseUrl);
    await migrate(store);
    await ensureDemo(store, config);
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

  it('signs the demo plan owner in and shows the Lancashire plan, every page passing axe', async () => {
    const owner = DEMO_ACCOUNTS.find((a) => a.email === 'owner@demo.example')!;
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    await page.goto(`${base}/`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await expectNoAxeViolations(page);

    await page.getByLabel('Email address').fill(owner.email);
    await page.getByLabel('Password', { exact: true }).fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/`);
    expect(await page.getByRole('heading', { name: 'Lancashire LEP' }).count()).toBe(1);
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
