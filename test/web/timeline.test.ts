// The plan timeline page on the demo plan as written (2024/25): a drawing hidden from screen readers with a Today line, and the same
// content as a table — every dated milestone, each occurrence of a recurring one — plus the undated ones apart.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/services/demo.ts';
import { getPlan } from '../../src/store/plans-repository.ts';
import type { PlanDetail } from '../../src/store/records.ts';
import { seedStaticDemo } from '../support/static-demo.ts';
import { client, createTestApp, type TestApp } from './support.ts';

const owner = DEMO_ACCOUNTS.find((a) => a.email === 'owner@demo.example')!;

function table(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</table>', start));
}

const decode = (text: string): string =>
  text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The body rows of a table, each as its cells' text. */
function rows(tableHtml: string): string[][] {
  const body = tableHtml.split('<tbody')[1] ?? '';
  return body
    .split('<tr class="govuk-table__row">')
    .slice(1)
    .map((row) => [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()).map(decode));
}

describe('plan timeline page', () => {
  let t: TestApp;
  let plan: PlanDetail;

  async function timelinePage() {
    const browser = client(t.app);
    await browser.signIn(owner.email, owner.password);
    const res = await browser.get(`/plans/${plan.id}/timeline`);
    expect(res.statusCode).toBe(200);
    return res.body;
  }

  beforeEach(async () => {
    vi.stubEnv('TRACKER_TODAY', '2024-08-15');
    t = await createTestApp({ DEMO: 'true' });
    plan = (await getPlan(t.store.db, (await seedStaticDemo(t.store)).planId))!;
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await t.close();
  });

  it('draws the milestones, hidden from screen readers, with a labelled Today line', async () => {
    const html = await timelinePage();
    const chart = html.indexOf('id="timeline-chart"');
    const svg = html.slice(html.indexOf('<svg', chart), html.indexOf('</svg>', chart));
    expect(svg).toContain('aria-hidden="true"');
    expect(svg).toMatch(/<line [^>]*stroke-dasharray[^>]*><\/line>\s*<text [^>]*>Today, 15 Aug 2024<\/text>/);
    // One lane label per commitment.
    expect(svg.match(/font-weight="bold">\d\. /g)).toHaveLength(9);
    // Overdue ones have their own shapes (a warning triangle, a hatched bar), not only a colour.
    expect(svg).toContain('fill="url(#timeline-overdue-hatch)"');
    expect(svg).toMatch(/<path d="M [\d.]+ [\d.]+ L [^"]+ Z" fill="#d4351c"><\/path>\s*<text [^>]*>!<\/text>/);
  });

  it('lists every dated milestone, and each occurrence of a recurring one, in the table', async () => {
    const listed = rows(table(await timelinePage(), 'timeline-table'));
    const milestones = plan.commitments.flatMap((c) => c.milestones.map((m) => ({ ...m, number: c.number })));
    const dated = milestones.filter((m) => m.due && !m.recurrence);
    const recurring = milestones.filter((m) => m.recurrence);
    expect(dated).toHaveLength(40);
    // Three monthly (12 occurrences each), two quarterly (4), one six-monthly (2) and one annual (1).
    const occurrences: Record<string, number> = { monthly: 12, quarterly: 4, 'six-monthly': 2, annually: 1 };
    expect(recurring.map((m) => m.recurrence).sort()).toEqual(['annually', 'monthly', 'monthly', 'monthly', 'quarterly', 'quarterly', 'six-monthly']);
    expect(listed).toHaveLength(dated.length + recurring.reduce((sum, m) => sum + (occurrences[m.recurrence!] ?? 0), 0));
    for (const m of dated) {
      expect(listed.filter((r) => r[1] === m.text), m.text).toHaveLength(1);
    }
    const savings = listed.filter((r) => r[1]?.startsWith('Savings tracker reported to Cabinet'));
    expect(savings.map((r) => [r[1]?.replace(/.*Cabinet Quarterly /, ''), r[2]])).toEqual([
      ['Quarterly: 1 of 4', '1 April 2024 to 30 June 2024'],
      ['Quarterly: 2 of 4', '1 July 2024 to 30 September 2024'],
      ['Quarterly: 3 of 4', '1 October 2024 to 31 December 2024'],
      ['Quarterly: 4 of 4', '1 January 2025 to 31 March 2025'],
    ]);
    expect(savings.map((r) => r[3])).toEqual(['Date passed', 'Not started', 'Not started', 'Not started']);
    expect(listed.find((r) => r[1] === 'Appointment of permanent Chief Executive by April/May 2024')).toEqual([
      '1. We will give the council stable leadership and a board that holds it to account',
      'Appointment of permanent Chief Executive by April/May 2024',
      '1 April 2024 to 31 May 2024',
      'Overdue by 76 days',
    ]);
  });

  it('lists the milestones with no date separately', async () => {
    const undated = rows(table(await timelinePage(), 'undated-table'));
    const expected = plan.commitments.flatMap((c) => c.milestones.filter((m) => !m.due && !m.recurrence));
    expect(undated).toHaveLength(expected.length);
    expect(undated.map((r) => r[1])).toContain('Independent practice review commissioned TBC');
  });

  it('says so instead of drawing a Today line when today is outside the timeline', async () => {
    // Before the plan starts (after it ends, the page is as at the plan's last day, which the timeline includes).
    vi.stubEnv('TRACKER_TODAY', '2023-06-05');
    const html = await timelinePage();
    expect(html).not.toContain('Today, 5 Jun 2023');
    expect(html).toContain('Today (5 June 2023) is before the first date on this timeline');
  });
});
