// The API against its own OpenAPI document: every operation is exercised (reads with their ETags, pages and
// changedSince; writes with If-Match; each kind of problem), and every response produced here is checked against
// the document's schema for its route and status. Also: the document describes only /api/v1, with the bearer
// scheme, and the docs page shows every operation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, apiTestApp, call, etagOf, recorded, type ApiTestApp } from './support.ts';
import { contractProblems } from './contract.ts';

const OWNER = account('owner@demo.example');
const REVIEWER = account('reviewer@demo.example');
const VIEWER = account('viewer@demo.example');

let t: ApiTestApp;
let owner: string;
let reviewer: string;
let viewer: string;

beforeAll(async () => {
  t = await apiTestApp();
  [owner, reviewer, viewer] = [await t.token(OWNER.email), await t.token(REVIEWER.email), await t.token(VIEWER.email)];
});

afterAll(async () => {
  const problems = await contractProblems(t.app, recorded.splice(0));
  await t.close();
  expect(problems).toEqual([]);
});

type Doc = { openapi: string; components: { securitySchemes: Record<string, unknown> }; security: unknown[]; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

describe('the OpenAPI document and the docs page', () => {
  it('describes the /api/v1 operations only, with bearer tokens, as OpenAPI 3.1', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = JSON.parse(response.body) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes).toEqual({ bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }) });
    expect(doc.security).toEqual([{ bearer: [] }]);
    const paths = Object.keys(doc.paths);
    expect(paths.every((p) => p.startsWith('/api/v1/'))).toBe(true);
    expect(paths).not.toContain('/api/v1/openapi.json');
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual([
      'GET /api/v1/commitments/{id}', 'GET /api/v1/commitments/{id}/kpis', 'GET /api/v1/commitments/{id}/milestones',
      'GET /api/v1/kpis/{id}', 'GET /api/v1/kpis/{id}/readings', 'GET /api/v1/milestones/{id}', 'GET /api/v1/organisations',
      'GET /api/v1/organisations/{id}/plans', 'GET /api/v1/plans/{id}', 'GET /api/v1/plans/{id}/commitments',
      'GET /api/v1/plans/{id}/review-periods', 'GET /api/v1/review-periods/{id}/commitments/{commitmentId}/update',
      'GET /api/v1/review-periods/{id}/updates', 'PATCH /api/v1/milestones/{id}', 'POST /api/v1/kpis/{id}/readings',
      'POST /api/v1/milestones/{id}/evidence', 'POST /api/v1/review-periods/{id}/commitments/{commitmentId}/update/submit',
      'PUT /api/v1/review-periods/{id}/commitments/{commitmentId}/update',
    ].sort());
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const status of ['401', '403', '404']) expect(op.responses, `${method} ${path}`).toHaveProperty(status);
        expect(op.responses, `${method} ${path}`).toHaveProperty(method === 'get' ? '304' : '412');
      }
    }
  });

  it('has a public GOV.UK-styled docs page listing every operation', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/v1/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('govuk-template');
    expect(page.body).toContain('Improvement Tracker API');
    expect(page.body).toContain('/api/v1/review-periods/{id}/commitments/{commitmentId}/update/submit');
    expect(page.body.match(/class="app-api-operation/g)).toHaveLength(18);
    expect(page.body).toContain('If-Match');
  });

  it('flags a response the document does not allow (the check itself works)', async () => {
    const problems = await contractProblems(t.app, [
      { method: 'GET', url: `/api/v1/plans/${t.planId}`, status: 200, contentType: 'application/json', body: JSON.stringify({ id: 'one' }) },
      { method: 'GET', url: `/api/v1/plans/${t.planId}`, status: 418, contentType: 'application/json', body: '{}' },
      { method: 'DELETE', url: `/api/v1/plans/${t.planId}`, status: 200, contentType: 'application/json', body: '{}' },
    ]);
    expect(problems).toHaveLength(3);
  });
});

describe('reads', () => {
  it('answers every read with an ETag, and 304 when If-None-Match names it', async () => {
    const paths = [
      '/organisations', `/organisations/${t.organisationId}/plans`, `/plans/${t.planId}`, `/plans/${t.planId}/commitments`,
      `/commitments/${t.ids.commitment}`, `/commitments/${t.ids.commitment}/milestones`, `/milestones/${t.ids.milestone}`,
      `/commitments/${t.ids.commitment}/kpis`, `/kpis/${t.ids.kpi}`, `/kpis/${t.ids.kpi}/readings`, `/plans/${t.planId}/review-periods`,
      `/review-periods/${t.ids.period}/updates`, `/review-periods/${t.ids.period}/commitments/${t.ids.commitment}/update`,
    ];
    for (const path of paths) {
      const first = await call(t.app, 'GET', path, { token: viewer });
      expect(first.statusCode, path).toBe(200);
      expect(first.headers.etag, path).toMatch(/^"[A-Za-z0-9_-]+"$/);
      const again = await call(t.app, 'GET', path, { token: viewer, headers: { 'if-none-match': String(first.headers.etag) } });
      expect(again.statusCode, path).toBe(304);
      expect(again.body).toBe('');
    }
    const commitment = JSON.parse((await call(t.app, 'GET', `/commitments/${t.ids.commitment}`, { token: viewer })).body);
    expect(commitment).toMatchObject({ id: t.ids.commitment, planId: t.planId, currentRag: null });
  });

  it('pages lists with a next link that keeps the query, and filters by changedSince', async () => {
    const all = JSON.parse((await call(t.app, 'GET', `/plans/${t.planId}/commitments`, { token: viewer })).body);
    expect(all.items.length).toBeGreaterThan(2);
    const seen: number[] = [];
    let next: string | null = `/api/v1/plans/${t.planId}/commitments?limit=2`;
    while (next) {
      const page = await call(t.app, 'GET', next, { token: viewer });
      expect(page.statusCode).toBe(200);
      const body = JSON.parse(page.body) as { items: { id: number }[]; next: string | null };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((c) => c.id));
      if (body.next) expect(body.next).toContain('limit=2');
      next = body.next;
    }
    expect(seen).toEqual(all.items.map((c: { id: number }) => c.id));

    const before = new Date(Date.now() - 1).toISOString();
    const since = `/commitments/${t.ids.commitment}/milestones?changedSince=${encodeURIComponent(before)}`;
    expect(JSON.parse((await call(t.app, 'GET', since, { token: owner })).body).items).toEqual([]);
    const etag = await etagOf(t.app, owner, `/milestones/${t.ids.milestone}`);
    expect((await call(t.app, 'PATCH', `/milestones/${t.ids.milestone}`, { token: owner, headers: { 'if-match': etag }, body: { status: 'in-progress' } })).statusCode).toBe(200);
    const changed = JSON.parse((await call(t.app, 'GET', since, { token: owner })).body);
    expect(changed.items.map((m: { id: number }) => m.id)).toEqual([t.ids.milestone]);
  });

  it('answers problems for a bad query, a bad cursor, an unknown id and an unknown address', async () => {
    const badLimit = await call(t.app, 'GET', `/plans/${t.planId}/commitments?limit=0`, { token: viewer });
    expect(badLimit.statusCode).toBe(400);
    expect(JSON.parse(badLimit.body).errors).toEqual([expect.objectContaining({ field: 'limit' })]);
    expect((await call(t.app, 'GET', `/plans/${t.planId}/commitments?cursor=nonsense`, { token: viewer })).statusCode).toBe(400);
    expect((await call(t.app, 'GET', `/plans/${t.planId}/commitments?changedSince=yesterday`, { token: viewer })).statusCode).toBe(400);
    expect((await call(t.app, 'GET', '/plans/999999', { token: viewer })).statusCode).toBe(404);
    expect((await call(t.app, 'GET', '/plans/abc', { token: viewer })).statusCode).toBe(404);
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { authorization: `Bearer ${viewer}` } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('writes', () => {
  it('changes a milestone’s status and re-dates it with a reason, answering the new read', async () => {
    const path = `/milestones/${t.ids.milestone}`;
    let etag = await etagOf(t.app, owner, path);
    const noReason = await call(t.app, 'PATCH', path, { token: owner, headers: { 'if-match': etag }, body: { due: { from: '2024-09-01', to: '2024-09-30' } } });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.parse(noReason.body).errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const unknownField = await call(t.app, 'PATCH', path, { token: owner, headers: { 'if-match': etag }, body: { colour: 'blue' } });
    expect(unknownField.statusCode).toBe(400);
    const tooLong = await call(t.app, 'PATCH', path, { token: owner, headers: { 'if-match': etag }, body: { due: { from: '2024-09-01', to: '2024-09-30' }, reason: 'x'.repeat(20_001) } });
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.parse(tooLong.body).errors).toEqual([expect.objectContaining({ field: 'reason', message: expect.stringContaining('20000 characters') })]);

    const redated = await call(t.app, 'PATCH', path, {
      token: owner, headers: { 'if-match': etag }, body: { due: { from: '2024-09-01', to: '2024-09-30' }, reason: 'Recruitment took longer' },
    });
    expect(redated.statusCode).toBe(200);
    const body = JSON.parse(redated.body);
    expect(body.due).toEqual({ from: '2024-09-01', to: '2024-09-30' });
    expect(body.redates).toEqual([expect.objectContaining({ reason: 'Recruitment took longer' })]);
    etag = String(redated.headers.etag);
    const done = await call(t.app, 'PATCH', path, { token: owner, headers: { 'if-match': etag }, body: { status: 'done', doneOn: '2024-06-10' } });
    expect(done.statusCode).toBe(200);
    expect(JSON.parse(done.body)).toMatchObject({ status: 'done', doneOn: '2024-06-10' });
    const audit = await t.store.db.selectFrom('audit_events').select(['action', 'user_email']).where('entity', '=', 'milestone').orderBy('seq').execute();
    expect(audit.slice(-2)).toEqual([{ action: 'redate', user_email: OWNER.email }, { action: 'status', user_email: OWNER.email }]);
  });

  it('adds evidence to a milestone and a KPI reading, refusing a body that is not JSON', async () => {
    const milestone = `/milestones/${t.ids.milestone}`;
    const evidence = await call(t.app, 'POST', `${milestone}/evidence`, {
      token: owner, headers: { 'if-match': await etagOf(t.app, owner, milestone) }, body: { date: '2024-06-01', note: 'Appointment letter', link: 'https://example.org/letter' },
    });
    expect(evidence.statusCode).toBe(201);
    expect(JSON.parse(evidence.body)).toMatchObject({ note: 'Appointment letter', link: 'https://example.org/letter', hasFile: false });
    const shown = JSON.parse((await call(t.app, 'GET', milestone, { token: viewer })).body);
    expect(shown.evidence).toEqual([expect.objectContaining({ note: 'Appointment letter' })]);
    const badLink = await call(t.app, 'POST', `${milestone}/evidence`, {
      token: owner, headers: { 'if-match': await etagOf(t.app, owner, milestone) }, body: { date: '2024-06-01', note: 'x', link: 'javascript:alert(1)' },
    });
    expect(badLink.statusCode).toBe(400);

    const kpi = `/kpis/${t.ids.kpi}`;
    const notJson = await t.app.inject({
      method: 'POST', url: `/api/v1${kpi}/readings`, payload: '<reading value="3"/>',
      headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/xml', 'if-match': await etagOf(t.app, owner, kpi) },
    });
    recorded.push({ method: 'POST', url: `/api/v1${kpi}/readings`, status: notJson.statusCode, contentType: String(notJson.headers['content-type']), body: notJson.body });
    expect(notJson.statusCode).toBe(415);
    const reading = await call(t.app, 'POST', `${kpi}/readings`, { token: owner, headers: { 'if-match': await etagOf(t.app, owner, kpi) }, body: { date: '2024-05-31', value: 75 } });
    expect(reading.statusCode).toBe(201);
    const readings = JSON.parse((await call(t.app, 'GET', `${kpi}/readings`, { token: viewer })).body);
    expect(readings.items).toEqual([expect.objectContaining({ date: '2024-05-31', value: 75 })]);
  });

  it('saves and submits a reviewer’s update; others see it only once submitted, as on the pages', async () => {
    const path = `/review-periods/${t.ids.period}/commitments/${t.ids.commitment}/update`;
    const updates = `/review-periods/${t.ids.period}/updates`;
    const early = await call(t.app, 'POST', `${path}/submit`, { token: reviewer, headers: { 'if-match': await etagOf(t.app, reviewer, path) } });
    expect(early.statusCode).toBe(409);

    const form = JSON.parse((await call(t.app, 'GET', path, { token: reviewer })).body);
    const other = form.suggestion.rag === 'green' ? 'amber' : 'green';
    const noReason = await call(t.app, 'PUT', path, { token: reviewer, headers: { 'if-match': await etagOf(t.app, reviewer, path) }, body: { rag: other, narrative: 'Good progress' } });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.parse(noReason.body).errors.length).toBeGreaterThan(0);

    const saved = await call(t.app, 'PUT', path, {
      token: reviewer, headers: { 'if-match': await etagOf(t.app, reviewer, path) }, body: { rag: form.suggestion.rag, narrative: 'Progress as planned' },
    });
    expect(saved.statusCode).toBe(200);
    expect(JSON.parse(saved.body)).toMatchObject({ stage: 'draft', update: { narrative: 'Progress as planned', state: 'draft' } });
    expect(JSON.parse((await call(t.app, 'GET', updates, { token: viewer })).body).items).toEqual([]);
    expect(JSON.parse((await call(t.app, 'GET', updates, { token: reviewer })).body).items).toHaveLength(1);
    expect(JSON.parse((await call(t.app, 'GET', path, { token: viewer })).body)).toMatchObject({ stage: 'draft', update: null });

    const submitted = await call(t.app, 'POST', `${path}/submit`, { token: reviewer, headers: { 'if-match': String(saved.headers.etag) } });
    expect(submitted.statusCode).toBe(200);
    expect(JSON.parse(submitted.body)).toMatchObject({ stage: 'submitted' });
    expect(JSON.parse((await call(t.app, 'GET', updates, { token: viewer })).body).items).toEqual([expect.objectContaining({ state: 'submitted', narrative: 'Progress as planned' })]);
    const again = await call(t.app, 'PUT', path, { token: reviewer, headers: { 'if-match': String(submitted.headers.etag) }, body: { rag: form.suggestion.rag, narrative: 'Changed' } });
    expect(again.statusCode).toBe(409);

    const audit = await t.store.db.selectFrom('audit_events').select(['action', 'user_email']).where('entity', '=', 'progress-update').orderBy('seq').execute();
    expect(audit).toEqual([{ action: 'create', user_email: REVIEWER.email }, { action: 'submit', user_email: REVIEWER.email }]);
  });

  it('answers 404 for a commitment that is not in the period’s plan', async () => {
    const path = `/review-periods/${t.ids.period}/commitments/999999/update`;
    expect((await call(t.app, 'GET', path, { token: reviewer })).statusCode).toBe(404);
    const put = await call(t.app, 'PUT', path, { token: reviewer, headers: { 'if-match': '"x"' }, body: { rag: 'red', narrative: 'x' } });
    expect(put.statusCode).toBe(404);
  });
});
