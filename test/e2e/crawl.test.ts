// An axe crawl of the living demo in Debian's Chromium: the plan owner, the reviewer and the viewer each sign in and
// follow every same-origin link they are shown (GET only; never signing out, never downloading files), and every
// page they reach, forms included, must pass axe (WCAG 2.2 AA) with JavaScript on and with it off, and must open
// without an error. To bound the crawl, of the addresses that differ only in their ids (or tokens) one is visited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ensureDemo } from '../../src/services/demo.ts';
import { demoAccount, expectNoAxeViolations, expectNoAxeViolationsWithoutJs, signIn, startServer, type TestServer } from './support.ts';

/** Files, not pages: exports, calendar feeds, the JSON schema, CSVs of public pages, evidence files. */
const DOWNLOAD = /\.(pdf|docx|xlsx|csv|ics|json|zip|txt|png|jpe?g)$/i;
const NOT_PAGES = [/^\/sign-out\b/, /^\/evidence\/\d+\/file\b/, /^\/plans\/\d+\/export\/[^/]+$/, /^\/calendar\//, /^\/(assets|public)\/[^/]+\.\w+$/];
/** Pages visited per address shape (the path with its ids replaced, and the names of its query parameters). */
const PER_SHAPE = 1;
/** Of those, pages also checked with JavaScript off (all of them, while PER_SHAPE is 1). */
const PER_SHAPE_WITHOUT_JS = 1;
/** No role's crawl visits more pages than this. */
const MAX_PAGES = 100;

function shapeOf(url: URL): string {
  const path = url.pathname.replace(/\/\d+(-[\w-]*)?(?=\/|$)/g, '/:id').replace(/\/[A-Za-z0-9_-]{20,}(?=\/|$)/g, '/:token');
  return `${path}?${[...url.searchParams.keys()].sort().join('&')}`;
}

function isPage(url: URL, origin: string): boolean {
  return url.origin === origin && !DOWNLOAD.test(url.pathname) && !NOT_PAGES.some((p) => p.test(url.pathname));
}

/** The same-origin page links on the page, as absolute addresses without their #fragment. */
async function linksOn(page: Page, origin: string): Promise<string[]> {
  const links = await page.locator('a[href]').evaluateAll((as) =>
    as.filter((a) => !a.hasAttribute('download')).map((a) => (a as HTMLAnchorElement).href),
  );
  return links.map((href) => new URL(href)).filter((url) => isPage(url, origin)).map((url) => {
    url.hash = '';
    return url.href;
  });
}

interface CrawlResult {
  visited: string[];
  /** How many of the visited pages were also checked with JavaScript off. */
  withoutJs: number;
  problems: string[];
}

/** Follows links from `start` breadth first, checking each page with axe with JavaScript on and off. */
async function crawl(server: TestServer<unknown>, jsOn: Page, jsOff: Page, checking: BrowserContext, start: string[]): Promise<CrawlResult> {
  const origin = new URL(server.base).origin;
  const queue = [...start];
  const seen = new Set(queue);
  const perShape = new Map<string, number>();
  const visited: string[] = [];
  let withoutJs = 0;
  const problems: string[] = [];
  const record = async (what: string, check: () => Promise<void>) => {
    try {
      await check();
    } catch (err) {
      problems.push(`${what}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
  };
  while (queue.length > 0 && visited.length < MAX_PAGES) {
    const url = queue.shift()!;
    const shape = shapeOf(new URL(url));
    const count = perShape.get(shape) ?? 0;
    if (count >= PER_SHAPE) continue;
    perShape.set(shape, count + 1);
    visited.push(url);
    const path = url.slice(origin.length);

    const response = await jsOn.goto(url);
    const status = response?.status() ?? 0;
    const expected = path === '/no-such-page' ? 404 : 200;
    if (status !== expected) problems.push(`${path}: status ${status}, expected ${expected}`);
    await record(`${path} (JavaScript on)`, () => expectNoAxeViolations(jsOn));
    for (const link of await linksOn(jsOn, origin)) {
      if (!seen.has(link)) {
        seen.add(link);
        queue.push(link);
      }
    }

    if (count < PER_SHAPE_WITHOUT_JS) {
      withoutJs += 1;
      await jsOff.goto(url);
      await record(`${path} (JavaScript off)`, () => expectNoAxeViolationsWithoutJs(jsOff, checking));
    }
  }
  return { visited, withoutJs, problems };
}

describe('every page of the living demo passes axe, for each role, with JavaScript on and off', () => {
  let server: TestServer<unknown>;

  beforeAll(async () => {
    server = await startServer('tracker-e2e-crawl-', { seed: (store, config) => ensureDemo(store, config) });
  });

  afterAll(async () => {
    await server?.close();
  });

  async function crawlAs(email: string | null): Promise<CrawlResult> {
    const { base, browser } = server;
    const on = await browser.newContext();
    const off = await browser.newContext({ javaScriptEnabled: false });
    const checking = await browser.newContext();
    try {
      const jsOn = await on.newPage();
      const jsOff = await off.newPage();
      jsOn.setDefaultTimeout(20_000);
      jsOff.setDefaultTimeout(20_000);
      if (email === null) return await crawl(server, jsOn, jsOff, checking, [`${base}/sign-in`, `${base}/no-such-page`]);
      const account = demoAccount(email);
      await signIn(jsOn, base, account);
      await signIn(jsOff, base, account);
      return await crawl(server, jsOn, jsOff, checking, [`${base}/`, `${base}/no-such-page`]);
    } finally {
      await on.close();
      await off.close();
      await checking.close();
    }
  }

  for (const email of ['owner@demo.example', 'reviewer@demo.example', 'viewer@demo.example', null]) {
    const who = email ?? 'someone signed out';
    it(`as ${who}: every page reached by links opens and has no axe violations`, { timeout: 900_000 }, async () => {
      const { visited, withoutJs, problems } = await crawlAs(email);
      const origin = new URL(server.base).origin;
      const list = visited.map((u) => u.slice(origin.length)).join('\n  ');
      console.log(`axe crawl as ${who}: ${visited.length} pages with JavaScript on, ${withoutJs} of them with it off too\n  ${list}`);
      expect(visited.length, 'pages visited').toBeGreaterThan(email === null ? 1 : 5);
      expect(problems, `${visited.length} pages visited as ${who}`).toEqual([]);
    });
  }
});
