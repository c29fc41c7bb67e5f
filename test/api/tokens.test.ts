// API tokens end to end: made on the account page and shown once, kept only as a hash, refused when revoked, of
// another organisation or with too low a role; what a token writes shows on the pages and in the audit trail as
// its user; cookies count for nothing on the API; a stale If-Match is refused.
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, csrfFrom } from '../web/support.ts';
import { account, apiTestApp, call, etagOf, recorded, type ApiTestApp } from './support.ts';
import { contractProblems } from './contract.ts';

const OWNER = account('owner@demo.example');
const LEAD = account('lead@demo.example');
const REVIEWER = account('reviewer@demo.example');
const VIEWER = account('viewer@demo.example');
const OTHER = account('other@demo.example');

let t: ApiTestApp;
beforeEach(async () => {
  t = await apiTestApp();
});
afterEach(async () => {
  // Every response the test produced matches the OpenAPI document (checked before the app closes).
  expect(await contractProblems(t.app, recorded.splice(0))).toEqual([]);
  await t.close();
});
afterAll(() => expect(recorded).toEqual([]));

async function signedIn(who: { email: string; password: string }) {
  const browser = client(t.app);
  await browser.signIn(who.email, who.password);
  return browser;
}

const tokenOnPage = (html: string) => /value="(itk_[A-Za-z0-9_-]{43})"/.exec(html)?.[1];

describe('the account page', () => {
  it('makes a token, shows it once on a confirmation and stores only its hash; making and revoking are audited', async () => {
    const browser = await signedIn(REVIEWER);
    const page = await browser.get('/account');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('You have no API tokens.');
    expect(page.body).toContain('href="/account"');

    const made = await browser.post('/account/tokens', { _csrf: csrfFrom(page.body), name: 'KPI upload', organisationId: String(t.organisationId), role: 'viewer' });
    expect(made.statusCode).toBe(200);
    expect(made.body).toContain('govuk-panel');
    expect(made.body).toContain('API token made');
    const token = tokenOnPage(made.body);
    expect(token).toBeDefined();

    const rows = await t.store.db.selectFrom('api_tokens').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(createHash('sha256').update(token!).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token!.slice(4));
    const audit = await t.store.db.selectFrom('audit_events').selectAll().where('entity', '=', 'api-token').execute();
    expect(audit.map((e) => e.action)).toEqual(['create']);
    expect(JSON.stringify(audit)).not.toContain(token!.slice(4));

    // Listed afterwards by name and role, the token itself never again.
    const listed = await browser.get('/account');
    expect(listed.body).toContain('KPI upload');
    expect(listed.body).toContain('Viewer');
    expect(listed.body).toContain('Never');
    expect(listed.body).not.toContain(token!);

    // Using it is recorded as its last use.
    expect((await call(t.app, 'GET', '/organisations', { token })).statusCode).toBe(200);
    expect((await t.store.db.selectFrom('api_tokens').select('last_used_at').executeTakeFirstOrThrow()).last_used_at).not.toBeNull();

    const revoked = await browser.post(`/account/tokens/${rows[0]!.id}/revoke`, { _csrf: csrfFrom(listed.body) });
    expect(revoked.statusCode).toBe(303);
    const after = await browser.get(revoked.headers.location as string);
    expect(after.body).toContain('The token has been revoked');
    expect(after.body).toContain('Revoked');
    const actions = await t.store.db.selectFrom('audit_events').select(['action', 'user_id']).where('entity', '=', 'api-token').orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['create', 'revoke']);

    const refused = await call(t.app, 'GET', '/organisations', { token });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(JSON.parse(refused.body)).toMatchObject({ status: 401, detail: expect.stringContaining('revoked') });
  });

  it('offers only roles that can do no more than the user can, and refuses any other', async () => {
    const browser = await signedIn(REVIEWER);
    const page = await browser.get('/account');
    expect(page.body).toContain('value="viewer"');
    expect(page.body).toContain('value="reviewer"');
    expect(page.body).not.toContain('value="plan-owner"');
    // A commitment lead edits milestones, which a reviewer cannot.
    expect(page.body).not.toContain('value="commitment-lead"');
    const refused = await browser.post('/account/tokens', { _csrf: csrfFrom(page.body), name: 'Too much', organisationId: String(t.organisationId), role: 'plan-owner' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Select a role that can do no more than you can in that organisation');
    const unnamed = await browser.post('/account/tokens', { _csrf: csrfFrom(page.body), name: '', organisationId: String(t.organisationId), role: 'viewer' });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.body).toContain('Enter a name for the token');
    expect(await t.store.db.selectFrom('api_tokens').selectAll().execute()).toEqual([]);
  });

  it('shows a token’s name as text, never as markup', async () => {
    const browser = await signedIn(REVIEWER);
    const page = await browser.get('/account');
    const made = await browser.post('/account/tokens', { _csrf: csrfFrom(page.body), name: '<b>Bold</b> upload', organisationId: String(t.organisationId), role: 'reviewer' });
    expect(made.statusCode).toBe(200);
    expect(made.body).not.toContain('<b>Bold</b>');
    const listed = await browser.get('/account');
    expect(listed.body).toContain('&lt;b&gt;Bold&lt;/b&gt; upload');
    expect(listed.body).not.toContain('<b>Bold</b>');
  });

  it('cannot revoke someone else’s token', async () => {
    await t.token(OWNER.email);
    const id = (await t.store.db.selectFrom('api_tokens').select('id').executeTakeFirstOrThrow()).id;
    const browser = await signedIn(REVIEWER);
    const page = await browser.get('/account');
    expect((await browser.post(`/account/tokens/${id}/revoke`, { _csrf: csrfFrom(page.body) })).statusCode).toBe(404);
    expect((await t.store.db.selectFrom('api_tokens').select('revoked_at').executeTakeFirstOrThrow()).revoked_at).toBeNull();
  });
});

describe('bearer tokens on the API', () => {
  it('refuses no token, an unknown token, and ignores a signed-in browser’s cookies', async () => {
    expect((await call(t.app, 'GET', `/plans/${t.planId}`)).statusCode).toBe(401);
    expect((await call(t.app, 'GET', `/plans/${t.planId}`, { token: `itk_${'A'.repeat(43)}` })).statusCode).toBe(401);
    const browser = await signedIn(OWNER);
    const withCookie = await call(t.app, 'GET', `/plans/${t.planId}`, { headers: { cookie: browser.jar.header() } });
    expect(withCookie.statusCode).toBe(401);
    // So a page on another site cannot make a signed-in browser change anything through the API.
    const etag = await etagOf(t.app, await t.token(OWNER.email), `/milestones/${t.ids.milestone}`);
    const forged = await call(t.app, 'PATCH', `/milestones/${t.ids.milestone}`, { headers: { cookie: browser.jar.header(), 'if-match': etag }, body: { status: 'dropped' } });
    expect(forged.statusCode).toBe(401);
    expect((await t.store.db.selectFrom('milestones').select('status').where('id', '=', t.ids.milestone).executeTakeFirstOrThrow()).status).toBe('not-started');
  });

  it('answers a token of another organisation "not found", as if nothing were there', async () => {
    const token = await t.token(OTHER.email);
    for (const path of [`/plans/${t.planId}`, `/commitments/${t.ids.commitment}/milestones`, `/kpis/${t.ids.kpi}`]) {
      const response = await call(t.app, 'GET', path, { token });
      expect(response.statusCode).toBe(404);
      expect(JSON.parse(response.body)).toMatchObject({ status: 404, title: 'Not found' });
    }
    const etag = await etagOf(t.app, await t.token(OWNER.email), `/kpis/${t.ids.kpi}`);
    const write = await call(t.app, 'POST', `/kpis/${t.ids.kpi}/readings`, { token, headers: { 'if-match': etag }, body: { date: '2024-06-01', value: 1 } });
    expect(write.statusCode).toBe(404);
    expect(await t.store.db.selectFrom('kpi_readings').selectAll().execute()).toEqual([]);
  });

  it('refuses writes to a token scoped down to viewer, though its user could make them', async () => {
    const viewerToken = await t.token(OWNER.email, 'viewer');
    const etag = await etagOf(t.app, viewerToken, `/milestones/${t.ids.milestone}`);
    const refused = await call(t.app, 'PATCH', `/milestones/${t.ids.milestone}`, { token: viewerToken, headers: { 'if-match': etag }, body: { status: 'in-progress' } });
    expect(refused.statusCode).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ status: 403, title: 'Forbidden' });
    const reading = await call(t.app, 'POST', `/kpis/${t.ids.kpi}/readings`, { token: viewerToken, headers: { 'if-match': etag }, body: { date: '2024-06-01', value: 1 } });
    expect(reading.statusCode).toBe(403);
    const viewer = await t.token(VIEWER.email);
    const period = `/review-periods/${t.ids.period}/commitments/${t.ids.commitment}/update`;
    const update = await call(t.app, 'PUT', period, { token: viewer, headers: { 'if-match': await etagOf(t.app, viewer, period) }, body: { rag: 'red', narrative: 'x' } });
    expect(update.statusCode).toBe(403);
    const milestone = await t.store.db.selectFrom('milestones').select('status').where('id', '=', t.ids.milestone).executeTakeFirstOrThrow();
    expect(milestone.status).toBe('not-started');
  });

  it('never lets a token do more than its user may now: a user moved down to viewer cannot write with an older token', async () => {
    const token = await t.token(OWNER.email);
    const etag = await etagOf(t.app, token, `/kpis/${t.ids.kpi}`);
    const owner = await t.store.db.selectFrom('users').select('id').where('email', '=', OWNER.email).executeTakeFirstOrThrow();
    await t.store.db.updateTable('memberships').set({ role: 'viewer' }).where('user_id', '=', owner.id).execute();
    const refused = await call(t.app, 'POST', `/kpis/${t.ids.kpi}/readings`, { token, headers: { 'if-match': etag }, body: { date: '2024-06-01', value: 2 } });
    expect(refused.statusCode).toBe(403);
    const organisations = JSON.parse((await call(t.app, 'GET', '/organisations', { token })).body);
    expect(organisations.items).toEqual([expect.objectContaining({ id: t.organisationId, role: 'viewer' })]);
    await t.store.db.deleteFrom('memberships').where('user_id', '=', owner.id).execute();
    expect((await call(t.app, 'GET', '/organisations', { token })).statusCode).toBe(401);
  });

  it('records a reading that shows on the commitment page and in the audit trail as the token’s user', async () => {
    const token = await t.token(LEAD.email);
    const etag = await etagOf(t.app, token, `/kpis/${t.ids.kpi}`);
    const made = await call(t.app, 'POST', `/kpis/${t.ids.kpi}/readings`, {
      token, headers: { 'if-match': etag }, body: { date: '2024-06-01', value: 87.5, note: 'Counted from the API', source: 'Board minutes' },
    });
    expect(made.statusCode).toBe(201);
    expect(JSON.parse(made.body)).toMatchObject({ kpiId: t.ids.kpi, date: '2024-06-01', value: 87.5 });

    const page = await (await signedIn(OWNER)).get(`/commitments/${t.ids.commitment}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Counted from the API');
    expect(page.body).toContain('87.5');

    const lead = await t.store.db.selectFrom('users').select('id').where('email', '=', LEAD.email).executeTakeFirstOrThrow();
    const audit = await t.store.db.selectFrom('audit_events').selectAll().where('entity', '=', 'kpi').where('action', '=', 'reading').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: lead.id, user_email: LEAD.email, entity_id: t.ids.kpi, plan_id: t.planId });
  });

  it('refuses a write on a stale read (412) or without If-Match (428), changing nothing', async () => {
    const token = await t.token(OWNER.email);
    const path = `/milestones/${t.ids.milestone}`;
    const stale = await etagOf(t.app, token, path);
    const first = await call(t.app, 'PATCH', path, { token, headers: { 'if-match': stale }, body: { status: 'in-progress' } });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).not.toBe(stale);
    const second = await call(t.app, 'PATCH', path, { token, headers: { 'if-match': stale }, body: { status: 'dropped' } });
    expect(second.statusCode).toBe(412);
    expect(JSON.parse(second.body)).toMatchObject({ status: 412, title: 'Precondition failed' });
    const missing = await call(t.app, 'PATCH', path, { token, body: { status: 'dropped' } });
    expect(missing.statusCode).toBe(428);
    const row = await t.store.db.selectFrom('milestones').select('status').where('id', '=', t.ids.milestone).executeTakeFirstOrThrow();
    expect(row.status).toBe('in-progress');
    // The ETag a write answers with is the one its next read gives.
    expect(await etagOf(t.app, token, path)).toBe(first.headers.etag);
  });
});
