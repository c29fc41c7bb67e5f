// Test helpers for the JSON API: the app over a seeded static demo, tokens made through the token service, and an
// API client that keeps every response it gets, so that each test file can check them all against the OpenAPI
// document (see contract.ts).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { loadUser } from '../../src/services/accounts.ts';
import type { Role } from '../../src/domain/types.ts';
import type { Store } from '../../src/store/database.ts';
import { createServices } from '../../src/services/index.ts';
import { buildApp } from '../../src/web/app.ts';
import { freshSqliteStore } from '../support/databases.ts';
import { demoAccount } from '../support/demo-accounts.ts';
import { seedStaticDemo } from '../support/static-demo.ts';
import { fixedClock, type Clock } from '../../src/services/clock.ts';

/** The demo account with this e-mail address. */
export const account = demoAccount;

export interface Recorded {
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: string;
}

/** Every API response of the test file, for the contract check. */
export const recorded: Recorded[] = [];

export interface ApiTestApp {
  app: FastifyInstance;
  store: Store;
  planId: number;
  organisationId: number;
  ids: { commitment: number; milestone: number; kpi: number; period: number };
  /** Makes a token for the demo account, with `role` (default: the account's own) in its organisation. */
  token(email: string, role?: Role): Promise<string>;
  close(): Promise<void>;
}

/** Today is in the demo plan's first quarter; the time of day is real, so sessions and tokens work as they do. */
const IN_FIRST_QUARTER: Clock = fixedClock('2024-06-20');

/** The demo over a fresh database, its review periods stored. */
export async function apiTestApp(): Promise<ApiTestApp> {
  const store = await freshSqliteStore();
  const { planId } = await seedStaticDemo(store, { reviewPeriods: true });
  const config = loadConfig({ DEMO: 'false' });
  const services = createServices(store, { config, clock: IN_FIRST_QUARTER });
  const app = await buildApp({ services, config, logger: false });
  const plan = await store.db.selectFrom('plans').select('organisation_id').where('id', '=', planId).executeTakeFirstOrThrow();
  const commitment = await store.db.selectFrom('commitments').select('id').where('plan_id', '=', planId).orderBy('position').executeTakeFirstOrThrow();
  const firstOf = async (table: 'milestones' | 'kpis') =>
    (await store.db.selectFrom(table).select('id').where('commitment_id', '=', commitment.id).orderBy('position').executeTakeFirstOrThrow()).id;
  const period = await store.db.selectFrom('review_periods').select('id').where('plan_id', '=', planId).orderBy('starts_on').executeTakeFirstOrThrow();
  return {
    app,
    store,
    planId,
    organisationId: plan.organisation_id,
    ids: { commitment: commitment.id, milestone: await firstOf('milestones'), kpi: await firstOf('kpis'), period: period.id },
    async token(email, role) {
      const row = await store.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
      const user = await loadUser(store.db, row.id);
      const membership = user?.memberships[0];
      if (!user || !membership) throw new Error(`${email} has no membership`);
      const made = await services.apiTokens.create(user, { name: `${email} test token`, organisationId: membership.organisationId, role: role ?? membership.role });
      if (!made.ok) throw new Error(made.errors.map((e) => e.message).join('; '));
      return made.token;
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export interface ApiCall {
  token?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Calls the API (the path after /api/v1) and keeps the response for the contract check. */
export async function call(app: FastifyInstance, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, options: ApiCall = {}): Promise<LightMyRequestResponse> {
  const url = path.startsWith('/api/v1') ? path : `/api/v1${path}`;
  const headers: Record<string, string> = { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await app.inject({ method, url, headers, payload: options.body === undefined ? undefined : JSON.stringify(options.body) });
  recorded.push({ method, url, status: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), body: response.body });
  return response;
}

/** GETs `path` and returns its ETag, for If-Match. */
export async function etagOf(app: FastifyInstance, token: string, path: string): Promise<string> {
  const response = await call(app, 'GET', path, { token });
  if (response.statusCode !== 200) throw new Error(`GET ${path}: ${response.statusCode} ${response.body}`);
  return String(response.headers.etag);
}
