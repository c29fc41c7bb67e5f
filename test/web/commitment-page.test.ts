import { describe, expect, it } from 'vitest';
import { trackingAppForAllTests, visibleText } from './commitment-setup.ts';

describe('the commitment page', () => {
  const t = trackingAppForAllTests();

  const first = () => t.plan.commitments[0]!;

  it('shows a member the summary, lead, KPIs, milestones, monitoring items and imported update', async () => {
    const viewer = await t.as('viewer@a.example');
    const res = await viewer.get(`/commitments/${first().id}`);
    expect(res.statusCode).toBe(200);
    const text = visibleText(res.body);
    expect(text).toContain('Commitment 1: We will provide strong, stable and diverse leadership');
    expect(text).toContain('The Board will reflect the diversity of Lancashire’s business community.');
    expect(text).toMatch(/Lead Lee Lead/);
    expect(text).toContain('KPI: 33% of Board members are women by 2020');
    const [chair] = first().milestones;
    expect(res.body).toContain(`id="milestone-${chair!.id}"`);
    // Due April/May 2019 and not done: overdue against today.
    expect(text).toMatch(/Appointment of Permanent Chair by April\/May 2019 1 April 2019 to 31 May 2019 Not started Overdue/);
    expect(text).toContain('Board diversity report – Quarterly No date (quarterly)');
    expect(text).toContain('Board reports detailing succession plans No evidence yet.');
    expect(text).toContain('Imported with the plan');
    expect(text).toContain('Q1 2019/20 (Amber): Chair appointed');
  });

  it('offers change links to the plan owner and the lead, and none to a viewer or reviewer', async () => {
    const url = `/commitments/${first().id}`;
    const milestoneId = first().milestones[0]!.id;
    for (const email of ['owner@a.example', 'lead@a.example']) {
      const body = (await (await t.as(email)).get(url)).body;
      expect(body, email).toContain(`href="/milestones/${milestoneId}/redate"`);
      expect(body, email).toContain(`href="/commitments/${first().id}/kpis/new"`);
    }
    for (const email of ['viewer@a.example', 'reviewer@a.example']) {
      const body = (await (await t.as(email)).get(url)).body;
      expect(body, email).not.toContain(`/milestones/${milestoneId}/redate`);
      expect(body, email).not.toContain('Add a KPI');
      expect(body, email).not.toContain('Add evidence');
    }
  });

  it('does not offer the lead of commitment 1 change links on commitment 2', async () => {
    const lead = await t.as('lead@a.example');
    const second = t.plan.commitments[1]!;
    const body = (await lead.get(`/commitments/${second.id}`)).body;
    expect(body).toContain('We will improve our governance and transparency');
    expect(body).not.toContain(`/milestones/${second.milestones[0]!.id}/edit`);
    expect(visibleText(body)).toContain('No progress updates yet');
  });

  it('answers another organisation’s user and unknown ids with page not found', async () => {
    const other = await t.as('owner@b.example');
    const res = await other.get(`/commitments/${first().id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('diverse leadership');
    expect((await other.get('/commitments/99999')).statusCode).toBe(404);
    expect((await other.get('/commitments/abc')).statusCode).toBe(404);
  });

  it('sends a signed-out visitor to sign in and back', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/commitments/${first().id}` });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/sign-in?returnTo=%2Fcommitments%2F${first().id}`);
  });

  it('shows a success banner for a known notice only', async () => {
    const owner = await t.as('owner@a.example');
    const ok = await owner.get(`/commitments/${first().id}?notice=milestone-redated`);
    expect(ok.body).toContain('govuk-notification-banner--success');
    expect(visibleText(ok.body)).toContain('Milestone re-dated');
    const unknown = await owner.get(`/commitments/${first().id}?notice=%3Cscript%3E`);
    expect(unknown.body).not.toContain('govuk-notification-banner--success');
  });
});
