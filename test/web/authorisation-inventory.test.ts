// The authorisation inventory: every route the app registers, with the access rule it states. The test fails when a
// route exists that the table does not list (or lists with another rule), when the table lists a route that is gone,
// when a route that is not public answers a signed-out visitor with anything but the sign-in page (or a 401 for the
// API), and when a member of another organisation gets anything but "not found" for a route about a resource.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { DEMO_ACCOUNTS } from '../../src/services/demo.ts';
import type { Store } from '../../src/store/database.ts';
import { addEvidence } from '../../src/store/monitoring-repository.ts';
import { describeRule, type AccessRule } from '../../src/web/plugins/access.ts';
import type { ResourceKind } from '../../src/services/resource-access.ts';
import { appOver } from '../support/app.ts';
import { freshSqliteStore } from '../support/databases.ts';
import { seedStaticDemo } from '../support/static-demo.ts';
import { client } from './support.ts';

/** Method and address → the rule, as `describeRule` writes it. */
const TABLE: Record<string, string> = {
  'GET /health': 'public (load balancers and monitoring)',
  'GET /assets/govuk-frontend.min.css': 'public (static files)',
  'GET /assets/moj-frontend.min.css': 'public (static files)',
  'GET /assets/*': 'public (static files)',
  'GET /public/*': 'public (static files)',
  'GET /sign-in': 'public (signing in)',
  'POST /sign-in': 'public (signing in)',
  'POST /sign-out': 'public (signing out, also after the session has ended)',
  'GET /': 'signed in',
  'GET /plans/:id': 'plan:read on plan :id',
  'GET /plans/:id/timeline': 'plan:read on plan :id',
  'GET /public/plans/:slugOrId': 'public (a published plan is for everyone; an unpublished one is not found)',
  'GET /plans/:id/publishing': 'plan:publish on plan :id',
  'POST /plans/:id/publishing': 'plan:publish on plan :id',
  'GET /calendar/:file': 'public (calendar feed: the secret token in the address)',
  'GET /plans/:id/calendar.ics': 'plan:read on plan :id',
  'GET /account/calendar': 'signed in',
  'POST /account/calendar': 'signed in',
  'POST /account/calendar/revoke': 'signed in',
  'GET /reminders/preview': 'signed in',
  'GET /organisations/:orgId/import': 'plan:import on organisation :orgId',
  'POST /organisations/:orgId/import': 'plan:import on organisation :orgId',
  'GET /organisations/:orgId/import/:draftId': 'plan:import on organisation :orgId',
  'POST /organisations/:orgId/import/:draftId': 'plan:import on organisation :orgId',
  'GET /organisations/:orgId/plans/new': 'plan:edit on organisation :orgId',
  'POST /organisations/:orgId/plans/new': 'plan:edit on organisation :orgId',
  'GET /plans/:id/edit': 'plan:edit on plan :id',
  'POST /plans/:id/edit': 'plan:edit on plan :id',
  'GET /plans/:id/commitments/new': 'plan:edit on plan :id',
  'POST /plans/:id/commitments/new': 'plan:edit on plan :id',
  'GET /commitments/:id/edit': 'plan:edit on commitment :id',
  'POST /commitments/:id/edit': 'plan:edit on commitment :id',
  'GET /commitments/:id/delete': 'plan:edit on commitment :id',
  'POST /commitments/:id/delete': 'plan:edit on commitment :id',
  'GET /plans/:id/commitments/order': 'plan:edit on plan :id',
  'POST /plans/:id/commitments/order': 'plan:edit on plan :id',
  'GET /commitments/:id/milestones/new': 'commitment:edit on commitment :id',
  'POST /commitments/:id/milestones/new': 'commitment:edit on commitment :id',
  'GET /commitments/:id/monitoring/new': 'commitment:edit on commitment :id',
  'POST /commitments/:id/monitoring/new': 'commitment:edit on commitment :id',
  'GET /monitoring/:id/edit': 'commitment:edit on monitoring-item :id',
  'POST /monitoring/:id/edit': 'commitment:edit on monitoring-item :id',
  'GET /monitoring/:id/delete': 'commitment:edit on monitoring-item :id',
  'POST /monitoring/:id/delete': 'commitment:edit on monitoring-item :id',
  'GET /commitments/:id': 'plan:read on commitment :id',
  'GET /milestones/:id/edit': 'commitment:edit on milestone :id',
  'POST /milestones/:id/edit': 'commitment:edit on milestone :id',
  'GET /milestones/:id/redate': 'commitment:edit on milestone :id',
  'POST /milestones/:id/redate': 'commitment:edit on milestone :id',
  'GET /milestones/:id/done': 'commitment:edit on milestone :id',
  'POST /milestones/:id/done': 'commitment:edit on milestone :id',
  'GET /commitments/:id/kpis/new': 'commitment:edit on commitment :id',
  'POST /commitments/:id/kpis/new': 'commitment:edit on commitment :id',
  'GET /kpis/:id/edit': 'commitment:edit on kpi :id',
  'POST /kpis/:id/edit': 'commitment:edit on kpi :id',
  'GET /kpis/:id/readings/new': 'commitment:edit on kpi :id',
  'POST /kpis/:id/readings/new': 'commitment:edit on kpi :id',
  'GET /monitoring-items/:id/evidence/new': 'commitment:edit on monitoring-item :id',
  'POST /monitoring-items/:id/evidence/new': 'commitment:edit on monitoring-item :id',
  'GET /milestones/:id/evidence/new': 'commitment:edit on milestone :id',
  'POST /milestones/:id/evidence/new': 'commitment:edit on milestone :id',
  'GET /evidence/:id/file': 'plan:read on evidence :id',
  'GET /plans/:id/reviews': 'plan:read on plan :id',
  'POST /plans/:id/reviews/periods': 'periods:set-up on plan :id',
  'GET /reviews/:periodId': 'plan:read on review-period :periodId',
  'POST /reviews/:periodId/sign-off': 'update:sign-off on review-period :periodId',
  'GET /reviews/:periodId/signed-off': 'plan:read on review-period :periodId',
  'GET /reviews/:periodId/comparison': 'plan:read on review-period :periodId',
  'GET /reviews/:periodId/commitments/:commitmentId': 'plan:read on review-period :periodId',
  'POST /reviews/:periodId/commitments/:commitmentId': 'update:write on review-period :periodId',
  'GET /reviews/:periodId/commitments/:commitmentId/check': 'plan:read on review-period :periodId',
  'POST /reviews/:periodId/commitments/:commitmentId/submit': 'update:write on review-period :periodId',
  'POST /reviews/:periodId/commitments/:commitmentId/response': 'update:respond on review-period :periodId',
  'GET /reviews/:periodId/commitments/:commitmentId/correct': 'plan:read on review-period :periodId',
  'POST /reviews/:periodId/commitments/:commitmentId/correct': 'update:write on review-period :periodId',
  'GET /commitments/:id/updates': 'plan:read on commitment :id',
  'GET /plans/export/plan.schema.json': 'public (the JSON export schema is documentation)',
  'GET /plans/:id/export': 'plan:read on plan :id',
  'GET /plans/:id/export/:format': 'plan:read on plan :id',
  'GET /plans/:id/audit': 'audit:read on plan :id',
  'GET /plans/:id/audit.csv': 'audit:read on plan :id',
  'GET /accessibility': 'public (the accessibility statement is for everyone)',
  'GET /portfolio': 'signed in',
  'GET /portfolio.csv': 'signed in',
  'GET /portfolio/exceptions': 'signed in',
  'GET /portfolio/exceptions.pdf': 'signed in',
  'GET /portfolio/exceptions.docx': 'signed in',
  'GET /sign-in/forgot-password': 'public (resetting a forgotten password)',
  'POST /sign-in/forgot-password': 'public (resetting a forgotten password)',
  'GET /sign-in/reset-password/:token': 'public (the token in the e-mailed link is the key)',
  'POST /sign-in/reset-password/:token': 'public (the token in the e-mailed link is the key)',
  'GET /sign-in/invitation/:token': 'public (the token in the e-mailed invitation is the key)',
  'POST /sign-in/invitation/:token': 'public (the token in the e-mailed invitation is the key)',
  'GET /account/password': 'signed in',
  'POST /account/password': 'signed in',
  'POST /account/sign-out-everywhere': 'signed in',
  'GET /admin': 'signed in',
  'GET /admin/organisations/new': 'signed in',
  'POST /admin/organisations': 'signed in',
  'GET /admin/organisations/:id': 'signed in',
  'GET /admin/organisations/:id/name': 'signed in',
  'POST /admin/organisations/:id/name': 'signed in',
  'GET /admin/organisations/:id/sign-in': 'signed in',
  'POST /admin/organisations/:id/sign-in': 'signed in',
  'GET /admin/organisations/:id/archive': 'signed in',
  'POST /admin/organisations/:id/archive': 'signed in',
  'GET /admin/organisations/:id/restore': 'signed in',
  'POST /admin/organisations/:id/restore': 'signed in',
  'GET /admin/organisations/:id/members/new': 'signed in',
  'POST /admin/organisations/:id/members/check': 'signed in',
  'POST /admin/organisations/:id/members': 'signed in',
  'GET /admin/organisations/:id/members/:userId/role': 'signed in',
  'POST /admin/organisations/:id/members/:userId/role': 'signed in',
  'GET /admin/organisations/:id/members/:userId/remove': 'signed in',
  'POST /admin/organisations/:id/members/:userId/remove': 'signed in',
  'POST /admin/organisations/:id/invitations/:invitationId/cancel': 'signed in',
  'GET /admin/users': 'signed in',
  'POST /admin/users/:userId/disable': 'signed in',
  'POST /admin/users/:userId/enable': 'signed in',
  'GET /reviews/:periodId/sign-off': 'update:sign-off on review-period :periodId',
  'GET /reviews/:periodId/commitments/:commitmentId/return-to-draft': 'update:write on review-period :periodId',
  'POST /reviews/:periodId/commitments/:commitmentId/return-to-draft': 'update:write on review-period :periodId',
  'GET /reviews/:periodId/commitments/:commitmentId/done': 'plan:read on review-period :periodId',
  'GET /account': 'signed in',
  'POST /account/tokens': 'signed in',
  'POST /account/tokens/:tokenId/revoke': 'signed in',
  'GET /api/v1/organisations': 'signed in',
  'GET /api/v1/organisations/:id/plans': 'plan:read on organisation :id',
  'GET /api/v1/plans/:id': 'plan:read on plan :id',
  'GET /api/v1/plans/:id/commitments': 'plan:read on plan :id',
  'GET /api/v1/commitments/:id': 'plan:read on commitment :id',
  'GET /api/v1/commitments/:id/milestones': 'plan:read on commitment :id',
  'GET /api/v1/milestones/:id': 'plan:read on milestone :id',
  'GET /api/v1/commitments/:id/kpis': 'plan:read on commitment :id',
  'GET /api/v1/kpis/:id': 'plan:read on kpi :id',
  'GET /api/v1/kpis/:id/readings': 'plan:read on kpi :id',
  'GET /api/v1/plans/:id/review-periods': 'plan:read on plan :id',
  'GET /api/v1/review-periods/:id/updates': 'plan:read on review-period :id',
  'GET /api/v1/review-periods/:id/commitments/:commitmentId/update': 'plan:read on review-period :id',
  'PATCH /api/v1/milestones/:id': 'commitment:edit on milestone :id',
  'POST /api/v1/kpis/:id/readings': 'commitment:edit on kpi :id',
  'POST /api/v1/milestones/:id/evidence': 'commitment:edit on milestone :id',
  'PUT /api/v1/review-periods/:id/commitments/:commitmentId/update': 'update:write on review-period :id',
  'POST /api/v1/review-periods/:id/commitments/:commitmentId/update/submit': 'update:write on review-period :id',
  'GET /api/v1/openapi.json': 'public (the API\'s description, for anyone writing a client)',
  'GET /api/v1/docs': 'public (the API\'s documentation page)',
};

let store: Store;
let app: FastifyInstance;
const ids = {} as Record<ResourceKind, number>;

beforeAll(async () => {
  store = await freshSqliteStore();
  const { planId } = await seedStaticDemo(store, { reviewPeriods: true });
  const plan = await store.db.selectFrom('plans').select(['organisation_id']).where('id', '=', planId).executeTakeFirstOrThrow();
  const first = async (table: 'commitments' | 'milestones' | 'kpis' | 'monitoring_items' | 'review_periods') =>
    (await store.db.selectFrom(table).select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  ids.organisation = plan.organisation_id;
  ids.plan = planId;
  ids.commitment = await first('commitments');
  ids.milestone = await first('milestones');
  ids.kpi = await first('kpis');
  ids['monitoring-item'] = await first('monitoring_items');
  ids['review-period'] = await first('review_periods');
  ids.evidence = (await addEvidence(store.db, { milestoneId: ids.milestone, date: '2024-05-01', note: 'Minutes', link: null, filePath: null, createdBy: null })).id;
  app = await appOver(store, loadConfig({ DEMO: 'false' }));
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await store?.close();
});

function routes() {
  return app.accessRules.filter((r) => r.method !== 'HEAD');
}

/** The address with each parameter filled: the rule's own parameter with a real id of its kind. */
function address(url: string, rule: AccessRule): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    if ('kind' in rule && (rule.param ?? 'id') === name) return String(ids[rule.kind]);
    if (name === 'commitmentId') return String(ids.commitment);
    if (name === 'periodId') return String(ids['review-period']);
    if (name === 'format') return 'csv';
    return String(ids.plan);
  }).replace(/\*$/, 'x');
}

describe('authorisation inventory', () => {
  it('lists every registered route with its rule, and nothing else', () => {
    const actual = Object.fromEntries(routes().map((r) => [`${r.method} ${r.url}`, describeRule(r.access)]));
    expect(actual).toEqual(TABLE);
  });

  it('sends a signed-out visitor to sign in (or answers 401 on the API) on every route that is not public', async () => {
    const reached: string[] = [];
    for (const { method, url, access } of routes()) {
      if ('public' in access) continue;
      const response = await app.inject({ method: method as 'GET', url: address(url, access) });
      const toSignIn = response.statusCode === 302 && String(response.headers.location).startsWith('/sign-in');
      if (!toSignIn && response.statusCode !== 401) reached.push(`${method} ${url} → ${response.statusCode}`);
    }
    expect(reached).toEqual([]);
  });

  it('finds what each page is about for a member of the organisation, so the "not found" below is the rule at work', async () => {
    const owner = DEMO_ACCOUNTS.find((a) => a.role === 'plan-owner');
    if (!owner) throw new Error('the demo has no plan owner');
    const browser = client(app);
    await browser.signIn(owner.email, owner.password);
    // Pages about something the seed does not make: an import draft, and a file attached to evidence.
    const notSeeded = ['/organisations/:orgId/import/:draftId', '/evidence/:id/file'];
    const missing: string[] = [];
    for (const { method, url, access } of routes()) {
      if (method !== 'GET' || !('kind' in access) || url.startsWith('/api/') || notSeeded.includes(url)) continue;
      const response = await app.inject({ method: 'GET', url: address(url, access), headers: { cookie: browser.jar.header() } });
      if (response.statusCode === 404) missing.push(`${method} ${url}`);
    }
    expect(missing).toEqual([]);
  });

  it('answers "not found" to a member of another organisation on every route about a resource', async () => {
    const other = DEMO_ACCOUNTS.find((a) => a.email === 'other@demo.example');
    if (!other) throw new Error('the demo has no account in the other organisation');
    const browser = client(app);
    await browser.signIn(other.email, other.password);
    const answered: string[] = [];
    for (const { method, url, access } of routes()) {
      if (!('kind' in access) || url.startsWith('/api/')) continue;
      const response = await app.inject({ method: method as 'GET', url: address(url, access), headers: { cookie: browser.jar.header() } });
      if (response.statusCode !== 404) answered.push(`${method} ${url} → ${response.statusCode}`);
    }
    expect(answered).toEqual([]);
  });
});
