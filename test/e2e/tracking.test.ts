// Browser journeys of a plan owner on the demo plan, in Debian's Chromium, with axe (WCAG 2.2 AA) on every page
// visited: find an overdue milestone from the plan overview and re-date it, mark another done with an uploaded
// evidence file, add a KPI and record readings. The same journeys run again with JavaScript switched off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoAccount, expectNoAxeViolations, expectNoAxeViolationsWithoutJs, startDemoServer, type DemoServer } from './support.ts';

/** Pages of a context with JavaScript off, each with the JavaScript-on context where axe checks a copy of it. */
const scriptless = new WeakMap<Page, BrowserContext>();

async function checkPage(page: Page): Promise<void> {
  const checking = scriptless.get(page);
  await (checking ? expectNoAxeViolationsWithoutJs(page, checking) : expectNoAxeViolations(page));
}

const text = async (page: Page, selector: string): Promise<string> => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ');

describe.sequential('tracking the demo plan in a browser', () => {
  let server: DemoServer;
  let browser: Browser;
  let base: string;
  const owner = demoAccount('owner@demo.example');
  const nextYear = new Date().getUTCFullYear() + 1;

  beforeAll(async () => {
    server = await startDemoServer('tracker-e2e-tracking-');
    ({ browser, base } = server);
  });

  afterAll(async () => server?.close());

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${base}/sign-in`);
    await checkPage(page);
    await page.getByLabel('Email address').fill(owner.email);
    await page.getByLabel('Password', { exact: true }).fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/`);
    await checkPage(page);
  }

  /** From the plan overview's overdue list to the commitment page, then re-dated with a reason. */
  async function redateAnOverdueMilestone(page: Page): Promise<string> {
    await page.locator('main a[href^="/plans/"]').first().click();
    await page.waitForURL(/\/plans\/\d+/);
    await checkPage(page);
    const overdue = page.locator('#overdue-table a[href*="#milestone-"]');
    expect(await overdue.count(), 'the overview lists overdue milestones').toBeGreaterThan(0);
    const href = (await overdue.first().getAttribute('href')) ?? '';
    const milestoneId = href.split('#milestone-')[1] ?? '';
    await overdue.first().click();
    await page.waitForURL(/\/commitments\/\d+#milestone-\d+$/);
    await checkPage(page);
    const row = `#milestone-${milestoneId}`;
    expect(await text(page, row)).toContain('Overdue');
    const before = await text(page, `${row} td:nth-child(2)`);

    await page.locator(`${row} a[href$="/redate"]`).click();
    await page.waitForURL(/\/milestones\/\d+\/redate$/);
    await checkPage(page);
    // Without a reason the form is refused, keeping the date typed.
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill(String(nextYear));
    await page.getByRole('button', { name: 'Re-date milestone' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter why the milestone is being re-dated');
    expect(await page.getByLabel('Year').inputValue()).toBe(String(nextYear));
    await checkPage(page);
    await page.getByLabel('Why is the milestone being re-dated?').fill('Board agreed a later date');
    await page.getByRole('button', { name: 'Re-date milestone' }).click();
    await page.waitForURL(/\/commitments\/\d+\?notice=milestone-redated#milestone-\d+$/);
    await checkPage(page);
    expect(await text(page, '.govuk-notification-banner')).toContain('Milestone re-dated');
    const after = await text(page, `${row} td:nth-child(2)`);
    const baseline = before.trim().split(' (')[0];
    expect(after).toContain(`baseline ${baseline} → now 31 March ${nextYear} (Board agreed a later date, ${owner.name})`);
    expect(await text(page, row)).not.toContain('Overdue');
    return milestoneId;
  }

  /** On the commitment page: another open milestone marked done with a text file as evidence. */
  async function markAnotherDone(page: Page, fileName: string): Promise<void> {
    const doneLink = page.locator('tr[id^="milestone-"] a[href$="/done"]').first();
    const rowId = await page.locator('tr[id^="milestone-"]', { has: page.locator('a[href$="/done"]') }).first().getAttribute('id');
    await doneLink.click();
    await page.waitForURL(/\/milestones\/\d+\/done$/);
    await checkPage(page);
    await page.getByLabel('Note').fill('Minutes of the Board meeting');
    await page.getByLabel('File').setInputFiles({ name: fileName, mimeType: 'text/plain', buffer: Buffer.from('Board minutes: item 4 agreed.\n') });
    await page.getByRole('button', { name: 'Mark as done' }).click();
    await page.waitForURL(/notice=milestone-done/);
    await checkPage(page);
    const row = page.locator(`#${rowId}`);
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain('Done');
    const link = row.getByRole('link', { name: fileName });
    const download = await page.request.get(new URL((await link.getAttribute('href')) ?? '', base).toString());
    expect(download.status()).toBe(200);
    expect(await download.text()).toBe('Board minutes: item 4 agreed.\n');
    expect(download.headers()['content-disposition']).toContain(`attachment; filename="${fileName}"`);
  }

  /** Adds a KPI to the commitment and records two readings: the chart and table follow. */
  async function recordKpiReadings(page: Page, name: string): Promise<void> {
    await page.getByRole('link', { name: 'Add a KPI' }).click();
    await checkPage(page);
    await page.getByLabel('What the KPI measures').fill(name);
    await page.getByLabel('Unit (optional)').fill('%');
    await page.getByLabel('Baseline (optional)').fill('20');
    await page.getByLabel('Target (optional)').fill('40');
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill('2025');
    await page.getByLabel('Higher is better').check();
    await page.getByRole('button', { name: 'Save KPI' }).click();
    await page.waitForURL(/notice=kpi-added/);
    await checkPage(page);
    const section = page.locator('section.app-kpi', { hasText: name });
    expect(await section.textContent()).toContain('No readings yet');

    for (const [day, month, value] of [['30', '6', '24'], ['31', '12', '26']] as const) {
      await section.getByRole('link', { name: /Record a reading/ }).click();
      await checkPage(page);
      await page.getByLabel('Day').fill(day);
      await page.getByLabel('Month').fill(month);
      await page.getByLabel('Year').fill('2024');
      await page.getByLabel('Value').fill(value);
      await page.getByLabel('Source (optional)').fill('Board report');
      await page.getByRole('button', { name: 'Save reading' }).click();
      await page.waitForURL(/notice=reading-recorded/);
      await checkPage(page);
      const rows = await section.locator('table tbody tr').allTextContents();
      expect(rows.at(-1)?.replace(/\s+/g, ' ')).toContain(`${day} ${month === '6' ? 'Jun' : 'Dec'} 2024 ${value}`);
      expect(await section.locator('svg[role="img"]').getAttribute('aria-label')).toContain(`latest ${value} on`);
    }
    expect(await section.locator('table tbody tr').count()).toBe(2);
    expect(await section.locator('.govuk-tag').textContent()).toContain('Off track');
  }

  // Each journey is its own test (pages are slow to check on a busy machine); they share the signed-in page.
  for (const javaScriptEnabled of [true, false]) {
    describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
      let page: Page;
      const errors: string[] = [];
      beforeAll(async () => {
        const context = await browser.newContext({ javaScriptEnabled });
        page = await context.newPage();
        if (!javaScriptEnabled) scriptless.set(page, await browser.newContext());
        page.setDefaultTimeout(30_000);
        // A refused form answers 400 on purpose, which the browser logs; anything else is a real problem.
        page.on('console', (m) => m.type() === 'error' && !/status of 400/.test(m.text()) && errors.push(m.text()));
        await signIn(page);
      }, 300_000);
      afterAll(async () => {
        await scriptless.get(page)?.close();
        await page?.context().close();
      });

      it('finds an overdue milestone from the plan overview and re-dates it, keeping the baseline', async () => {
        await redateAnOverdueMilestone(page);
      }, 300_000);

      it('marks another milestone done with an uploaded evidence file, listed and downloadable', async () => {
        await markAnotherDone(page, javaScriptEnabled ? 'board-minutes.txt' : 'board-minutes-no-js.txt');
      }, 300_000);

      if (javaScriptEnabled) {
        it('adds a KPI and records readings: the chart and the table change', async () => {
          await recordKpiReadings(page, 'Residents satisfied with the council');
        }, 300_000);
      }

      it('showed no browser console errors (e.g. CSP refusals)', () => {
        expect(errors).toEqual([]);
      });
    });
  }
});
