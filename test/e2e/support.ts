// Shared set-up for the browser journeys in test/e2e: Debian's Chromium, axe (WCAG 2.2 AA), a server on a
// temporary SQLite database, and signing in.
import { afterAll, beforeAll, expect } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import { openStore, type Store } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { appOver } from '../support/app.ts';
import { seedStaticDemo, type StaticDemo } from '../support/static-demo.ts';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations on the page, one line each: rule, help and the elements at fault. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** axe on a page with JavaScript on (axe runs as a script in the page). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page), `axe on ${page.url()}`).toEqual([]);
}

/**
 * axe on the page as a browser without JavaScript shows it. axe is itself a script and cannot run where JavaScript
 * is off, so the page is copied, exactly as served, into a new page of `checking` (a context with JavaScript on)
 * where only axe may run: a policy forbids the page's own scripts.
 */
export async function expectNoAxeViolationsWithoutJs(page: Page, checking: BrowserContext): Promise<void> {
  const url = page.url();
  const html = await page.content();
  const checker = await checking.newPage();
  await checker.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': "script-src 'none'" }, body: html }),
  );
  await checker.goto(url);
  const summary = await axeViolations(checker);
  await checker.close();
  expect(summary, `axe on ${url}`).toEqual([]);
}

/** The app on a temporary SQLite database, listening on a free port of 127.0.0.1, with Chromium launched. */
export interface TestServer<T> {
  base: string;
  store: Store;
  app: FastifyInstance;
  browser: Browser;
  /** What the seed function returned. */
  seeded: T;
  /** Closes the browser, the app and the store, then deletes the temporary folder. */
  close(): Promise<void>;
}

export interface ServerOptions<T> {
  /** Settings added to (or replacing) DATA_DIR, DATABASE_URL, DEMO=true and HOST=127.0.0.1. */
  env?: NodeJS.ProcessEnv;
  /** Fills the migrated database before the app is built. */
  seed: (store: Store, config: Config) => Promise<T>;
}

/** Starts a server as {@link TestServer} says; `prefix` names the temporary folder (for mkdtemp). */
export async function startServer<T>(prefix: string, options: ServerOptions<T>): Promise<TestServer<T>> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let store: Store | undefined;
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: join(dir, 'e2e.sqlite'), DEMO: 'true', HOST: '127.0.0.1', ...options.env });
    store = openStore(config.databaseUrl);
    await migrate(store);
    const seeded = await options.seed(store, config);
    app = await appOver(store, config);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    return { base, store, app, browser, seeded, close };
  } catch (err) {
    // Whatever had started is stopped, as the test's own teardown has nothing to close.
    await close();
    throw err;
  }
}

/** A server with the demo organisations, accounts and plan (`seeded.planId`). */
export type DemoServer = TestServer<StaticDemo>;

/**
 * A server seeded with the demo plan as written (financial year 2024/25, nothing tracked; its review periods stored,
 * as an import through the app stores them), so journeys do not depend on the date. For the living demo, seed it
 * yourself: `startServer(prefix, { seed: (s, c) => ensureDemo(s, c) })`.
 */
export function startDemoServer(prefix: string): Promise<DemoServer> {
  return startServer(prefix, { seed: (store) => seedStaticDemo(store, { reviewPeriods: true }) });
}

/**
 * Starts a demo server before the enclosing block's tests and closes it after them. The object returned is filled
 * in once the tests begin, so a block can hold on to it.
 */
export function demoServerForAllTests(prefix: string): DemoServer {
  const server = {} as DemoServer;
  beforeAll(async () => {
    Object.assign(server, await startDemoServer(prefix));
  });
  afterAll(async () => {
    await server.close?.();
  });
  return server;
}

export { demoAccount } from '../support/demo-accounts.ts';

export interface Credentials {
  email: string;
  password: string;
}

/** Fills in the sign-in form already open in the page and sends it. */
export async function submitSignIn(page: Page, who: Credentials): Promise<void> {
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in from the sign-in page and waits for the home page, or for `returnTo` (a path) when given. */
export async function signIn(page: Page, base: string, who: Credentials, options: { returnTo?: string } = {}): Promise<void> {
  const { returnTo } = options;
  await page.goto(returnTo === undefined ? `${base}/sign-in` : `${base}/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  await submitSignIn(page, who);
  await page.waitForURL(`${base}${returnTo ?? '/'}`);
}

/**
 * A new browser context (JavaScript on or off) with a page signed in as `who`. Errors the page logs to the console
 * are added to `consoleErrors`, except the 400 answers to forms sent with mistakes on purpose (Chromium logs those
 * as failed loads).
 */
export async function signedInContext(
  server: { browser: Browser; base: string },
  who: Credentials,
  options: { javaScriptEnabled: boolean; consoleErrors: string[] },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await server.browser.newContext({ javaScriptEnabled: options.javaScriptEnabled });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 400') && options.consoleErrors.push(m.text()));
  await signIn(page, server.base, who);
  return { context, page };
}
