// The plan overview page on the demo plan as written (2024/25), as of 15 August 2024 (TRACKER_TODAY).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/services/demo.ts';
import { findUserByEmail } from '../../src/store/users-repository.ts';
import { todayIn } from '../../src/services/clock.ts';
import { seedStaticDemo } from '../support/static-demo.ts';
import { client, createTestApp, type TestApp } from './support.ts';

const account = (email: string) => DEMO_ACCOUNTS.find((a) => a.email === email)!;

/** The HTML of the element with this id, up to the end of its table (or its closing div). */
function section(html: string, id: string, end = '</table>'): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return '';
  return html.slice(start, html.indexOf(end, start));
}

const bodyRows = (table: string): number => (table.split('<tbody')[1] ?? '').match(/<tr class="govuk-table__row"/g)?.length ?? 0;

describe('plan overview page', () => {
  let t: TestApp;
  let planId: number;

  async function signedIn(email: string) {
    const browser = client(t.app);
    const res = await browser.signIn(email, account(email).password);
    expect(res.statusCode).toBe(303);
    return browser;
  }

  beforeEach(async () => {
    vi.stubEnv('TRACKER_TODAY', '2024-08-15');
    t = await createTestApp({ DEMO: 'true' });
    planId = (await seedStaticDemo(t.store)).planId;
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await t.close();
  });

  it('shows the demo owner all 9 commitments with RAG, lead, counts, next milestone and KPI trend', async () => {
    const browser = await signedIn('owner@demo.example');
    const res = await browser.get(`/plans/${planId}`);
    expect(res.statusCode).toBe(200);
    const table = section(res.body, 'commitments-table');
    expect(bodyRows(table)).toBe(9);
    expect(table).toMatch(/href="\/commitments\/\d+">1\. We will give the council stable leadership and a board that holds it to account<\/a>/);
    expect(table).toContain('Lead: Liam Lead');
    expect(table.match(/No lead/g)).toHaveLength(8);
    expect(table.match(/Not yet rated/g)).toHaveLength(9);
    expect(table.match(/No data/g)).toHaveLength(9);
    // Commitment 1: the Chief Executive (May), the terms of reference (May), the induction (June) and the member
    // sessions (July) are overdue; the monthly board meeting, this time in August, is next.
    expect(table).toMatch(/4 overdue<\/strong>/);
    expect(table).toContain('Improvement board meets Monthly');
    expect(table).toContain('1 August 2024 to 31 August 2024');
    expect(res.body).toContain('Milestones as of 15 August 2024');
    expect(res.body).toMatch(/<span class="govuk-heading-xl[^"]*">10<\/span><a class="govuk-link" href="#overdue">overdue<\/a>/);
  });

  it('lists overdue milestones with their commitment, due date and days overdue, linking to the milestone', async () => {
    const browser = await signedIn('owner@demo.example');
    const overdue = section((await browser.get(`/plans/${planId}`)).body, 'overdue-table');
    expect(bodyRows(overdue)).toBe(10);
    expect(overdue).toMatch(
      /href="\/commitments\/\d+#milestone-\d+">Appointment of permanent Chief Executive by April\/May 2024<\/a><\/td>\s*<td[^>]*>1\. We will give the council stable leadership and a board that holds it to account<\/td>\s*<td[^>]*>1 April 2024 to 31 May 2024<\/td>\s*<td[^>]*>76<\/td>/,
    );
  });

  it('lists what is due in the next 30 days as of the day set', async () => {
    vi.stubEnv('TRACKER_TODAY', '2024-09-05');
    const browser = await signedIn('owner@demo.example');
    const res = await browser.get(`/plans/${planId}`);
    expect(res.body).toContain('Milestones as of 5 September 2024');
    const due = section(res.body, 'due-soon-table');
    expect(due).toContain('Annual Governance Statement approved by September 2024');
    expect(due).toContain('Savings tracker reported to Cabinet Quarterly');
    expect(due).toMatch(/25 days<\/td>/);
  });

  it('filters by lead, by RAG and by overdue milestones with a GET form, saying when nothing matches', async () => {
    const browser = await signedIn('owner@demo.example');
    const page = (await browser.get(`/plans/${planId}`)).body;
    expect(page).toMatch(new RegExp(`<form method="get" action="/plans/${planId}#commitments"`));
    const lead = (await findUserByEmail(t.store.db, 'lead@demo.example'))!;
    expect(page).toContain(`<option value="${lead.id}">Liam Lead</option>`);

    const byLead = (await browser.get(`/plans/${planId}?lead=${lead.id}`)).body;
    expect(bodyRows(section(byLead, 'commitments-table'))).toBe(1);
    expect(byLead).toContain('Showing 1 of 9 commitments.');
    expect(byLead).toContain(`<option value="${lead.id}" selected>Liam Lead</option>`);

    const noLead = (await browser.get(`/plans/${planId}?lead=none`)).body;
    expect(bodyRows(section(noLead, 'commitments-table'))).toBe(8);

    const overdue = (await browser.get(`/plans/${planId}?overdue=yes`)).body;
    const rows = section(overdue, 'commitments-table');
    expect(bodyRows(rows)).toBe(5);
    expect([...rows.matchAll(/">(\d)\. We will/g)].map((m) => m[1])).toEqual(['1', '3', '4', '5', '8']);
    expect(overdue).toMatch(/name="overdue" type="checkbox" value="yes" checked/);

    const red = await browser.get(`/plans/${planId}?rag=red&lead=${lead.id}`);
    expect(red.statusCode).toBe(200);
    expect(red.body).not.toContain('id="commitments-table"');
    expect(red.body).toContain('No commitments match these filters.');
    expect(red.body).toMatch(/name="rag" type="checkbox" value="red" checked/);

    const unrated = (await browser.get(`/plans/${planId}?rag=unrated&rag=red&lead=nobody`)).body;
    expect(bodyRows(section(unrated, 'commitments-table'))).toBe(9);
  });

  it('links the timeline, and the edit pages only for a user who can edit', async () => {
    const owner = (await (await signedIn('owner@demo.example')).get(`/plans/${planId}`)).body;
    expect(owner).toContain(`href="/plans/${planId}/timeline"`);
    expect(owner).toContain(`href="/plans/${planId}/edit"`);
    expect(owner).toContain(`href="/plans/${planId}/commitments/new"`);

    const viewer = await (await signedIn('viewer@demo.example')).get(`/plans/${planId}`);
    expect(viewer.statusCode).toBe(200);
    expect(bodyRows(section(viewer.body, 'commitments-table'))).toBe(9);
    expect(viewer.body).toContain(`href="/plans/${planId}/timeline"`);
    expect(viewer.body).not.toContain(`/plans/${planId}/edit`);
    expect(viewer.body).not.toContain(`/plans/${planId}/commitments/new`);
  });

  it('answers another organisation’s user with page not found', async () => {
    const browser = await signedIn('other@demo.example');
    for (const url of [`/plans/${planId}`, `/plans/${planId}?overdue=yes`, `/plans/${planId}/timeline`]) {
      const res = await browser.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('stable leadership');
    }
  });

  it('sends a signed-out visitor to sign in', async () => {
    const res = await client(t.app).get(`/plans/${planId}`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toContain('/sign-in');
  });
});

describe('the day the pages judge milestones by', () => {
  it('is TRACKER_TODAY when set, refusing one that is not a date, and otherwise today in the UK', () => {
    const now = new Date('2019-05-01T12:00:00Z');
    expect(todayIn({ TRACKER_TODAY: '2019-08-15' }, now)).toBe('2019-08-15');
    expect(() => todayIn({ TRACKER_TODAY: '2019-02-30' }, now)).toThrow('TRACKER_TODAY must be a date written YYYY-MM-DD, got "2019-02-30"');
    expect(() => todayIn({ TRACKER_TODAY: '15/08/2019' }, now)).toThrow(/TRACKER_TODAY must be a date/);
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
    expect(todayIn({}, new Date('2019-06-30T23:30:00Z'))).toBe('2019-07-01');
    expect(todayIn({}, new Date('2019-12-31T23:30:00Z'))).toBe('2019-12-31');
  });
});
