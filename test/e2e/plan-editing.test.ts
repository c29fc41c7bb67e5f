// Browser journey with JavaScript off, in Debian's Chromium: the demo plan owner creates a plan, adds a commitment
// and a milestone whose date is written as words, checking every page visited with axe (WCAG 2.2 AA).
// axe is itself a script and cannot run where JavaScript is off, so each page the journey sees is copied, exactly
// as served, into a second page where only axe may run (a policy forbids the page's own scripts).
import { describe, expect, it } from 'vitest';
import { DEMO_ORGANISATION } from '../../src/services/demo.ts';
import { listCommitments } from '../../src/store/commitments-repository.ts';
import { listMilestones } from '../../src/store/milestones-repository.ts';
import { demoAccount, demoServerForAllTests, expectNoAxeViolationsWithoutJs, signIn } from './support.ts';

describe('editing a plan by hand in a browser without JavaScript', () => {
  const server = demoServerForAllTests('tracker-e2e-');

  // Seven pages checked by axe: slower than most tests on a busy machine.
  it('creates a plan, adds a commitment and a milestone, every page passing axe', { timeout: 240_000 }, async () => {
    const { base, browser, store } = server;
    const owner = demoAccount('owner@demo.example');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const checking = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const heading = () => page.getByRole('heading', { level: 1 }).textContent();

    await signIn(page, base, owner);

    await page.getByRole('link', { name: `Create a plan for ${DEMO_ORGANISATION}` }).click();
    await page.waitForURL(/\/organisations\/\d+\/plans\/new$/);
    expect(await heading()).toBe('Create a plan');
    await expectNoAxeViolationsWithoutJs(page, checking);

    // A first attempt without a title is refused, keeping the year.
    await page.getByLabel('Year the financial year starts in').fill('2020');
    await page.getByRole('button', { name: 'Create plan' }).click();
    expect(await page.getByRole('link', { name: 'Enter a title for the plan' }).count()).toBe(1);
    expect(await page.getByLabel('Year the financial year starts in').inputValue()).toBe('2020');
    await expectNoAxeViolationsWithoutJs(page, checking);

    await page.getByLabel('Plan title').fill('Skills improvement plan 2020/21');
    await page.getByLabel('Active').check();
    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.waitForURL(/\/plans\/\d+$/);
    const planId = Number(new URL(page.url()).pathname.split('/').at(-1));
    expect(await heading()).toBe('Skills improvement plan 2020/21');
    expect(await page.getByText('1 April 2020 to 31 March 2021').count()).toBeGreaterThan(0);
    await expectNoAxeViolationsWithoutJs(page, checking);

    await page.goto(`${base}/plans/${planId}/commitments/new`);
    expect(await page.getByText('This will be commitment 1.').count()).toBe(1);
    await expectNoAxeViolationsWithoutJs(page, checking);
    await page.getByLabel('Commitment', { exact: true }).fill('We will close the skills gap');
    await page.getByLabel('Lead').selectOption({ label: 'Liam Lead (lead@demo.example)' });
    await page.getByRole('button', { name: 'Add commitment' }).click();
    await page.waitForURL(`${base}/plans/${planId}`);
    expect(await page.getByText('We will close the skills gap').count()).toBeGreaterThan(0);

    const [commitment] = await listCommitments(store.db, planId);
    await page.goto(`${base}/commitments/${commitment!.id}/edit`);
    await expectNoAxeViolationsWithoutJs(page, checking);
    await page.getByRole('link', { name: 'Add a milestone' }).click();
    await page.waitForURL(/\/milestones\/new$/);
    await expectNoAxeViolationsWithoutJs(page, checking);
    await page.getByLabel('Milestone').fill('Skills survey of employers');
    await page.getByLabel('As written in the plan').check();
    await page.getByLabel('When it is due, as written').fill('by June/July 2020');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await heading()).toBe('Check the milestone');
    expect(await page.getByText('1 June 2020 to 31 July 2020').count()).toBe(1);
    await expectNoAxeViolationsWithoutJs(page, checking);
    await page.getByRole('button', { name: 'Add milestone' }).click();
    await page.waitForURL(`${base}/plans/${planId}`);

    const milestones = await listMilestones(store.db, commitment!.id);
    expect(milestones.map((m) => [m.text, m.due])).toEqual([['Skills survey of employers', { from: '2020-06-01', to: '2020-07-31' }]]);
    await checking.close();
    await context.close();
  });
});
