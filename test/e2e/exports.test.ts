// The export page in Debian's Chromium, checked with axe (WCAG 2.2 AA), and its Word form downloading a file.
import { describe, expect, it } from 'vitest';
import { demoAccount, demoServerForAllTests, expectNoAxeViolations, signIn } from './support.ts';

describe('the export page in a browser', () => {
  const server = demoServerForAllTests('tracker-e2e-');

  it('passes axe and downloads the Word document for a chosen review period', async () => {
    const { base, browser, seeded: { planId } } = server;
    const owner = demoAccount('owner@demo.example');
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);

    await signIn(page, base, owner, { returnTo: `/plans/${planId}/export` });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Download or export this plan');

    await expectNoAxeViolations(page);

    await page.getByLabel('2024/25 Q1').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Word document' }).click()]);
    expect(download.suggestedFilename()).toBe('kestrel-vale-council-improvement-plan-2024-25.docx');
    await context.close();
  });
});
