// Browser journey in Debian's Chromium, every page checked with axe (WCAG 2.2 AA): the demo admin invites a board
// member as a viewer; the invitation e-mail is caught by a real SMTP server the test starts; its link lets the new
// viewer set a password and land in the organisation, where they see the plan but cannot edit it. The admin then
// makes them a commitment lead and removes them, and what happened stays in the organisation's history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ORGANISATION } from '../../src/services/demo.ts';
import { seedStaticDemo, STATIC_DEMO_TITLE, type StaticDemo } from '../support/static-demo.ts';
import { startMailCapture, type MailCapture } from '../services/people-mail-server.ts';
import { demoAccount, expectNoAxeViolations, signIn, startServer, type TestServer } from './support.ts';

const NEW_VIEWER = 'board.member@kestrel.example';
const NEW_PASSWORD = 'heron mosaic thistle';

async function heading(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).first().textContent())?.trim() ?? '';
}

describe('people and access in a browser', () => {
  let server: TestServer<StaticDemo>;
  let mail: MailCapture;

  beforeAll(async () => {
    mail = await startMailCapture();
    server = await startServer('tracker-e2e-people-', { env: mail.env, seed: (store) => seedStaticDemo(store, { reviewPeriods: true }) });
  });

  afterAll(async () => {
    await server?.close();
    await mail?.close();
  });

  it('invites a viewer by e-mail, who sets a password and sees the plan read-only; then changes their role and removes them', async () => {
    const { base, browser, seeded } = server;
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    admin.setDefaultTimeout(10_000);
    await signIn(admin, base, demoAccount('admin@demo.example'));

    await admin.goto(`${base}/account`);
    expect(await heading(admin)).toBe('Your account');
    await expectNoAxeViolations(admin);
    await admin.getByRole('link', { name: 'Manage organisations and their members' }).click();
    await admin.waitForURL(`${base}/admin`);
    await expectNoAxeViolations(admin);
    await admin.locator('main').getByRole('link', { name: DEMO_ORGANISATION }).click();
    await admin.waitForURL(/\/admin\/organisations\/\d+$/);
    const organisationUrl = admin.url();
    expect(await heading(admin)).toBe(DEMO_ORGANISATION);
    await expectNoAxeViolations(admin);

    await admin.getByRole('button', { name: 'Add a member' }).click();
    await admin.waitForURL(/members\/new$/);
    await admin.getByRole('button', { name: 'Continue' }).click();
    expect(await admin.locator('.govuk-error-summary').textContent()).toContain('Enter the person’s email address');
    await expectNoAxeViolations(admin);
    await admin.getByLabel('Email address').fill(NEW_VIEWER);
    await admin.getByLabel('Viewer', { exact: true }).check();
    await admin.getByRole('button', { name: 'Continue' }).click();
    expect(await heading(admin)).toBe('Check the new member’s details');
    expect(await admin.locator('.govuk-summary-list').textContent()).toContain(NEW_VIEWER);
    await expectNoAxeViolations(admin);
    await admin.getByRole('button', { name: 'Add member' }).click();
    await expect.poll(() => admin.locator('.govuk-panel__title').textContent()).toContain('Invitation sent');
    await expectNoAxeViolations(admin);

    // The e-mail, caught by the SMTP server, with its one-time link.
    await expect.poll(() => mail.mails.length).toBe(1);
    expect(mail.mails[0]!.to).toEqual([NEW_VIEWER]);
    expect(mail.mails[0]!.decoded).toMatch(/text\/plain/);
    expect(mail.mails[0]!.decoded).toMatch(/text\/html/);
    const link = new URL(mail.linkTo(NEW_VIEWER, '/sign-in/invitation/'));

    const viewerContext = await browser.newContext();
    const viewer = await viewerContext.newPage();
    viewer.setDefaultTimeout(10_000);
    await viewer.goto(`${base}${link.pathname}`);
    expect(await heading(viewer)).toBe(`Join ${DEMO_ORGANISATION}`);
    await expectNoAxeViolations(viewer);
    await viewer.getByLabel('Full name').fill('Bea Board');
    await viewer.getByLabel('Password', { exact: true }).fill('abcdabcdabcd');
    await viewer.getByLabel('Confirm password').fill('abcdabcdabcd');
    await viewer.getByRole('button', { name: 'Set password and join' }).click();
    expect(await viewer.locator('.govuk-error-summary').textContent()).toContain('Password must not be a few characters repeated');
    await expectNoAxeViolations(viewer);
    await viewer.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await viewer.getByLabel('Confirm password').fill(NEW_PASSWORD);
    await viewer.getByRole('button', { name: 'Set password and join' }).click();
    await viewer.waitForURL(`${base}/`);
    expect(await viewer.getByRole('heading', { name: DEMO_ORGANISATION }).count()).toBe(1);

    // The plan, read-only.
    await viewer.goto(`${base}/plans/${seeded.planId}`);
    expect(await heading(viewer)).toContain(STATIC_DEMO_TITLE);
    expect(await viewer.getByRole('link', { name: 'Edit plan' }).count()).toBe(0);
    await expectNoAxeViolations(viewer);
    const edit = await viewer.goto(`${base}/plans/${seeded.planId}/edit`);
    expect(edit?.status()).toBe(403);

    // The link was spent.
    const reused = await viewer.goto(`${base}${link.pathname}`);
    expect(reused?.status()).toBe(410);
    expect(await heading(viewer)).toBe('This invitation has already been used');
    await expectNoAxeViolations(viewer);

    // The admin makes them a commitment lead…
    await admin.goto(organisationUrl);
    await admin.getByRole('link', { name: 'Change role of Bea Board' }).click();
    expect(await heading(admin)).toBe('Change Bea Board’s role');
    await expectNoAxeViolations(admin);
    await admin.getByLabel('Commitment lead', { exact: true }).check();
    await admin.getByRole('button', { name: 'Save role' }).click();
    await expect.poll(() => admin.locator('.govuk-notification-banner').textContent()).toContain('The role has been changed');
    expect(await admin.locator('#members').textContent()).toMatch(/Bea Board[\s\S]*Commitment lead/);

    // …then removes them.
    await admin.getByRole('link', { name: 'Remove Bea Board' }).click();
    expect(await heading(admin)).toBe(`Remove Bea Board from ${DEMO_ORGANISATION}?`);
    await expectNoAxeViolations(admin);
    await admin.getByRole('button', { name: 'Remove member' }).click();
    await expect.poll(() => admin.locator('.govuk-notification-banner').textContent()).toContain('The member has been removed');
    expect(await admin.locator('#members').textContent()).not.toContain('Bea Board');
    const history = (await admin.locator('#history').textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(history).toContain(`membership removed: ${NEW_VIEWER}`);
    expect(history).toContain(`membership role-changed: ${NEW_VIEWER} (Commitment lead)`);
    expect(history).toContain(`invitation accepted: ${NEW_VIEWER} (Viewer)`);
    await expectNoAxeViolations(admin);

    // Removed, they no longer see the plan.
    const gone = await viewer.goto(`${base}/plans/${seeded.planId}`);
    expect(gone?.status()).toBe(404);

    await viewerContext.close();
    await adminContext.close();
  });

  it('resets a forgotten password by e-mail link, once, and signs the old sessions out', async () => {
    const { base, browser } = server;
    const owner = demoAccount('owner@demo.example');
    const oldContext = await browser.newContext();
    const old = await oldContext.newPage();
    await signIn(old, base, owner);

    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${base}/sign-in`);
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    expect(await heading(page)).toBe('Reset your password');
    await expectNoAxeViolations(page);
    await page.getByLabel('Email address').fill(owner.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    expect(await heading(page)).toBe('Check your email');
    await expectNoAxeViolations(page);

    await expect.poll(() => mail.mails.filter((m) => m.to.includes(owner.email)).length).toBe(1);
    const link = new URL(mail.linkTo(owner.email, '/sign-in/reset-password/'));
    await page.goto(`${base}${link.pathname}`);
    expect(await heading(page)).toBe('Choose a new password');
    await expectNoAxeViolations(page);
    await page.getByLabel('New password', { exact: true }).fill('lagoon pepper quartz');
    await page.getByLabel('Confirm new password').fill('lagoon pepper quartz');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.waitForURL(/\/sign-in\?reset=1$/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Your password has been changed');
    await expectNoAxeViolations(page);

    await old.goto(`${base}/account`);
    expect(new URL(old.url()).pathname).toBe('/sign-in');
    const reused = await page.goto(`${base}${link.pathname}`);
    expect(reused?.status()).toBe(410);
    expect(await heading(page)).toBe('This link has already been used');
    await signIn(page, base, { email: owner.email, password: 'lagoon pepper quartz' });
    await context.close();
    await oldContext.close();
  });
});
