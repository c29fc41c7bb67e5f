// The export page and its downloads, on the demo plan as written (2024/25), as a signed-in member, an outsider and a visitor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, OTHER_DEMO_ORGANISATION } from '../../src/services/demo.ts';
import { seedStaticDemo } from '../support/static-demo.ts';
import { client, createTestApp, type TestApp } from './support.ts';

const viewer = DEMO_ACCOUNTS.find((a) => a.email === 'viewer@demo.example')!;
const outsider = DEMO_ACCOUNTS.find((a) => a.organisation === OTHER_DEMO_ORGANISATION)!;

describe('downloading and exporting a plan', () => {
  let t: TestApp;
  let planUrl: string;
  let member: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await createTestApp({ DEMO: 'true', TRACKER_TODAY: '2024-10-01' });
    // The review periods are stored by a write (importing, or a reviewer setting them up); pages only read them.
    const { planId } = await seedStaticDemo(t.store, { reviewPeriods: true });
    planUrl = `/plans/${planId}`;
    member = client(t.app);
    await member.signIn(viewer.email, viewer.password);
  });
  afterAll(async () => t?.close());

  it('lists every output on a page linked from the plan, with the review periods to choose from', async () => {
    expect((await member.get(planUrl)).body).toContain(`href="${planUrl}/export">Download or export this plan</a>`);
    const page = await member.get(`${planUrl}/export`);
    expect(page.statusCode).toBe(200);
    for (const format of ['docx', 'csv']) expect(page.body).toContain(`<form method="get" action="${planUrl}/export/${format}"`);
    for (const format of ['pdf', 'xlsx', 'json', 'ics']) expect(page.body).toContain(`href="${planUrl}/export/${format}"`);
    expect(page.body).toMatch(/<input class="govuk-radios__input" id="period" name="period" type="radio" value="all" checked>/);
    expect(page.body).toContain('value="2024/25 Q1"');
    expect(page.body).toContain('href="/plans/export/plan.schema.json"');

    const schema = await t.app.inject('/plans/export/plan.schema.json');
    expect(schema.statusCode).toBe(200);
    expect(JSON.parse(schema.body)).toMatchObject({ title: 'Improvement plan export' });
  });

  it.each([
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.docx'],
    ['pdf', 'application/pdf', '-board-report.pdf'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.xlsx'],
    ['csv', 'application/zip', '-csv.zip'],
    ['json', 'application/json; charset=utf-8', '.json'],
    ['ics', 'text/calendar; charset=utf-8', '-milestones.ics'],
  ])('downloads the %s file as an attachment named after the plan', async (format, contentType, ending) => {
    const file = await member.get(`${planUrl}/export/${format}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe(contentType);
    expect(file.headers['content-disposition']).toBe(`attachment; filename="kestrel-vale-council-improvement-plan-2024-25${ending}"`);
    expect(file.headers['cache-control']).toBe('no-store');
    const bytes = file.rawPayload;
    expect(bytes.length).toBeGreaterThan(0);
    if (format === 'docx' || format === 'xlsx' || format === 'csv') expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    if (format === 'pdf') expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    if (format === 'ics') expect(file.body).toContain('BEGIN:VCALENDAR');
    if (format === 'json') expect((JSON.parse(file.body) as { commitments: unknown[] }).commitments).toHaveLength(9);
  });

  it('downloads the Word document for one review period and one CSV file on its own', async () => {
    const word = await member.get(`${planUrl}/export/docx?period=${encodeURIComponent('2024/25 Q1')}`);
    expect(word.statusCode).toBe(200);
    expect(word.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const csv = await member.get(`${planUrl}/export/csv?entity=milestones`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="kestrel-vale-council-improvement-plan-2024-25-milestones.csv"');
    expect(csv.body.split('\n').length).toBeGreaterThan(2);
  });

  it('shows the export page again with an error summary for an unknown period or entity', async () => {
    const period = await member.get(`${planUrl}/export/docx?period=1999%2F00+Q9`);
    expect(period.statusCode).toBe(400);
    expect(period.headers['content-disposition']).toBeUndefined();
    expect(period.body).toContain('There is a problem');
    expect(period.body).toContain('<a href="#period">Select a review period from the list</a>');
    const entity = await member.get(`${planUrl}/export/csv?entity=passwords`);
    expect(entity.statusCode).toBe(400);
    expect(entity.body).toContain('<a href="#entity">Select which data to download from the list</a>');
  });

  it('is not found for another organisation’s user, and asks a signed-out visitor to sign in', async () => {
    const other = client(t.app);
    await other.signIn(outsider.email, outsider.password);
    expect((await other.get(`${planUrl}/export`)).statusCode).toBe(404);
    const refused = await other.get(`${planUrl}/export/json`);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain('commitments');

    const visitor = await client(t.app).get(`${planUrl}/export/pdf`);
    expect(visitor.statusCode).toBe(302);
    expect(visitor.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent(`${planUrl}/export/pdf`)}`);
  });
});
