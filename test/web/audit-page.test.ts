import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/services/demo.ts';
import { seedStaticDemo } from '../support/static-demo.ts';
import { client, createTestApp, type TestApp } from './support.ts';

const account = (email: string) => DEMO_ACCOUNTS.find((a) => a.email === email)!;
const OWNER = account('owner@demo.example');
const REVIEWER = account('reviewer@demo.example');
const VIEWER = account('viewer@demo.example');
const OTHER = account('other@demo.example');

async function signedIn(t: TestApp, who: { email: string; password: string }) {
  const browser = client(t.app);
  await browser.signIn(who.email, who.password);
  return browser;
}

describe('a plan’s audit page', () => {
  let t: TestApp;
  let planId: number;
  beforeEach(async () => {
    t = await createTestApp({ DEMO: 'true' });
    ({ planId } = await seedStaticDemo(t.store));
  });
  afterEach(async () => t.close());

  it('is for owners and reviewers; viewers are refused and other organisations find nothing — each refusal audited', async () => {
    expect((await (await signedIn(t, OWNER)).get(`/plans/${planId}/audit`)).statusCode).toBe(200);
    expect((await (await signedIn(t, REVIEWER)).get(`/plans/${planId}/audit`)).statusCode).toBe(200);
    const viewer = await signedIn(t, VIEWER);
    expect((await viewer.get(`/plans/${planId}/audit`)).statusCode).toBe(403);
    const outsider = await signedIn(t, OTHER);
    expect((await outsider.get(`/plans/${planId}`)).statusCode).toBe(404);

    const owner = await signedIn(t, OWNER);
    const page = await owner.get(`/plans/${planId}/audit?entity=access`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Audit trail');
    expect(page.body).toContain(VIEWER.email);
    expect(page.body).toContain(OTHER.email);
    expect(page.body).toContain('access: refused-403');
    expect(page.body).toContain('access: refused-404');
    expect(page.body).not.toContain('plan 1: import');
  });

  it('records exports and filters by person and date, with the same events as CSV', async () => {
    const owner = await signedIn(t, OWNER);
    expect((await owner.get(`/plans/${planId}/export/csv`)).statusCode).toBe(200);
    const reviewer = await signedIn(t, REVIEWER);
    expect((await reviewer.get(`/plans/${planId}/export/json`)).statusCode).toBe(200);

    const all = await owner.get(`/plans/${planId}/audit?entity=plan`);
    expect(all.body.match(/: export</g)).toHaveLength(2);
    const reviewerId = (await t.store.db.selectFrom('users').select('id').where('email', '=', REVIEWER.email).executeTakeFirstOrThrow()).id;
    const theirs = await owner.get(`/plans/${planId}/audit?entity=plan&person=${reviewerId}`);
    expect(theirs.body.match(/: export</g)).toHaveLength(1);
    expect(theirs.body).toContain(REVIEWER.email);

    const today = new Date();
    const [d, m, y] = [today.getUTCDate(), today.getUTCMonth() + 1, today.getUTCFullYear()];
    const todays = await owner.get(`/plans/${planId}/audit?entity=plan&from-day=${d}&from-month=${m}&from-year=${y}&to-day=${d}&to-month=${m}&to-year=${y}`);
    expect(todays.body.match(/: export</g)).toHaveLength(2);
    const before = await owner.get(`/plans/${planId}/audit?to-day=1&to-month=1&to-year=2001`);
    expect(before.body).toContain('No events match these filters');

    const csv = await owner.get(`/plans/${planId}/audit.csv?entity=plan&person=${reviewerId}`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Sequence,When (UTC),Who,Organisation,Entity,Entity id,Action,Before,After,Hash');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',export,');
  });

  it('explains a date that is not real with an error summary', async () => {
    const owner = await signedIn(t, OWNER);
    const res = await owner.get(`/plans/${planId}/audit?from-day=31&from-month=2&from-year=2025`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('The ‘from’ date must be a real date');
  });
});
