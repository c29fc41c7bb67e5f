import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/store/audit-repository.ts';
import { PUBLIC_CSV_COLUMNS } from '../../src/services/publishing.ts';
import { appForEachTest, client } from './support.ts';
import { INTERNAL_TEXT, PASSWORD, PUBLIC_TEXT, seedPlanWithInternals, type SeededPublicPlan } from './public-plan-seed.ts';

describe('the public page of a plan', () => {
  let seeded: SeededPublicPlan;
  const t = appForEachTest(async (fresh) => {
    seeded = await seedPlanWithInternals(fresh.store.db);
  });

  async function publishAsOwner(published = true) {
    const owner = client(t.app);
    await owner.signIn(seeded.owner.email, PASSWORD);
    const page = `/plans/${seeded.plan.id}/publishing`;
    const res = await owner.submit(page, page, { published: String(published) });
    expect(res.statusCode).toBe(303);
    return { owner, after: await owner.get(res.headers.location as string) };
  }

  it('is not found until the owner publishes the plan, and not found again once unpublished', async () => {
    const anonymous = client(t.app);
    const before = await anonymous.get(`/public/plans/${seeded.plan.id}`);
    expect(before.statusCode).toBe(404);
    expect(before.body).not.toContain('diverse leadership');
    expect((await anonymous.get(`/public/plans/${seeded.plan.id}.csv`)).statusCode).toBe(404);

    const { after } = await publishAsOwner(true);
    expect(after.body).toContain('The plan is now published');
    const link = /href="(\/public\/plans\/[^"]+)"/.exec(after.body)?.[1];
    expect(link).toBe(`/public/plans/${seeded.plan.id}-lancashire-lep-improvement-plan-2019-20`);
    const shown = await anonymous.get(link!);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('We will provide strong, stable and diverse leadership');
    expect((await anonymous.get(`/public/plans/${seeded.plan.id}`)).statusCode).toBe(200);

    await publishAsOwner(false);
    expect((await anonymous.get(link!)).statusCode).toBe(404);
    const events = await listAuditEvents(t.store.db, seeded.plan.organisationId, { entity: 'plan', entityId: seeded.plan.id });
    expect(events.map((e) => e.action)).toEqual(['unpublish', 'publish']);
    expect(events.every((e) => e.userId === seeded.owner.id)).toBe(true);
  });

  it('shows commitments, milestones and the signed-off update, and nothing internal or personal', async () => {
    await publishAsOwner(true);
    const res = await client(t.app).get(`/public/plans/${seeded.plan.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('Lancashire LEP improvement plan 2019/20');
    expect(body).toContain('Lancashire LEP');
    expect(body).toContain('1 April 2019 to 31 March 2020');
    expect(body).toContain('Appointment of Permanent Chair by April/May 2019');
    expect(body).toContain('1 April 2019 to 31 May 2019');
    expect(body).toContain('Workshop 1 – Wednesday 15th May');
    expect(body).toContain(PUBLIC_TEXT.signedOff);
    expect(body).toContain('2019/20 Q1');
    expect(body).toMatch(/govuk-tag--orange">\s*Amber/);
    expect(body).toContain('No progress update has been signed off yet.');
    for (const [name, text] of Object.entries(INTERNAL_TEXT)) {
      expect(body, `${name} must not be public`).not.toContain(text);
    }
    // No internal navigation or sign-out form for the public.
    expect(body).not.toContain('Sign out');
    expect(body).not.toMatch(/href="\/plans\//);
  });

  it('keeps internal navigation off the page even for a signed-in member', async () => {
    await publishAsOwner(true);
    const viewer = client(t.app);
    await viewer.signIn(seeded.viewer.email, PASSWORD);
    const body = (await viewer.get(`/public/plans/${seeded.plan.id}`)).body;
    expect(body).not.toContain('Victor Viewer');
    expect(body).not.toContain('Sign out');
  });

  it('downloads the public content as CSV, without anything internal', async () => {
    await publishAsOwner(true);
    const res = await client(t.app).get(`/public/plans/${seeded.plan.id}.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${seeded.plan.id}-lancashire-lep-improvement-plan-2019-20.csv"`);
    const rows = parse(res.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...PUBLIC_CSV_COLUMNS]);
    // 3 + 2 + 1 milestones.
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({
      Organisation: 'Lancashire LEP',
      'Commitment number': '1',
      Milestone: 'Appointment of Permanent Chair by April/May 2019',
      'Due from': '2019-04-01',
      'Due by': '2019-05-31',
      'Milestone status': 'Not started',
      'Latest signed-off update period': '2019/20 Q1',
      RAG: 'Amber',
      'Latest signed-off update': PUBLIC_TEXT.signedOff,
    });
    expect(rows[3]).toMatchObject({ 'Commitment number': '2', 'Latest signed-off update': '', RAG: '' });
    for (const [name, text] of Object.entries(INTERNAL_TEXT)) {
      expect(res.body, `${name} must not be in the CSV`).not.toContain(text);
    }
  });

  it('lets only the plan owner (or an admin) publish; other members are refused, outsiders see nothing', async () => {
    const viewer = client(t.app);
    await viewer.signIn(seeded.viewer.email, PASSWORD);
    expect((await viewer.get(`/plans/${seeded.plan.id}/publishing`)).statusCode).toBe(403);
    // With a valid CSRF token (from a page the viewer can open) the change is still refused.
    const refused = await viewer.submit('/', `/plans/${seeded.plan.id}/publishing`, { published: 'true' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Only the plan owner or an admin can publish');

    const owner = client(t.app);
    await owner.signIn(seeded.owner.email, PASSWORD);
    // Without the CSRF token the form is refused.
    const forged = await owner.post(`/plans/${seeded.plan.id}/publishing`, { published: 'true' });
    expect(forged.statusCode).toBe(403);
    expect((await client(t.app).get(`/public/plans/${seeded.plan.id}`)).statusCode).toBe(404);
  });
});
