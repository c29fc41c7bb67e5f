// The export page in Debian's Chromium, checked with axe (WCAG 2.2 AA), and its Word form downloading a file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
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

describe('the export page in a browser', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let planId: number | null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tracker-e2e-'));
    const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: join(dir, 'e2e.sqlite'), DEMO: 'true', HOST: '127.0.0.1' });
    store = openStore(config.databaseUrl);
    await migrate(store);
    ({ planId } = await ensureDemo(store, config));
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

  it('passes axe and downloads the Word document for a chosen review period', async () => {
    const owner = DEMO_ACCOUNTS.find((a) => a.email === 'owner@demo.example')!;
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);

    await page.goto(`${base}/sign-in?returnTo=${encodeURIComponent(`/plans/${planId}/export`)}`);
    await page.getByLabel('Email address').fill(owner.email);
    await page.getByLabel('Password', { exact: true }).fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/plans/${planId}/export`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Download or export this plan');

    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.getByLabel('2019/20 Q1').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Word document' }).click()]);
    expect(download.suggestedFilename()).toBe('improvement-plan-2019-20.docx');
    await context.close();
  });
});
