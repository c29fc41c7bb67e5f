// Test helpers for the web app: a real, migrated SQLite database in a temp folder, and a tiny cookie jar for app.inject.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import type { DestinationStream } from 'pino';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Store } from '../../src/store/database.ts';
import { appOver } from '../support/app.ts';
import { freshSqliteStore } from '../support/databases.ts';

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(
  env: Record<string, string> = {},
  logger: false | { stream: DestinationStream; level?: string } = false,
): Promise<TestApp> {
  const store = await freshSqliteStore();
  const config = loadConfig({ DEMO: 'false', ...env });
  const app = await appOver(store, config, { logger });
  return {
    app,
    store,
    config,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/**
 * Gives each test in the enclosing block a fresh app, closed after it, with `prepare` (adding accounts, say) run
 * on it first. What it returns always stands for the current test's app.
 */
export function appForEachTest(prepare: (t: TestApp) => Promise<unknown> = async () => undefined): TestApp {
  let current: TestApp | undefined;
  beforeEach(async () => {
    current = await createTestApp();
    await prepare(current);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  const now = (): TestApp => {
    if (!current) throw new Error('the test app is only there while a test runs');
    return current;
  };
  return {
    get app() {
      return now().app;
    },
    get store() {
      return now().store;
    },
    get config() {
      return now().config;
    },
    close: () => now().close(),
  };
}

/**
 * For tests that each start their own app with their own settings: the function returned starts one, and every app
 * it started is closed after the test.
 */
export function appsClosedAfterEachTest(): (env?: Record<string, string>) => Promise<TestApp> {
  let started: TestApp[] = [];
  afterEach(async () => {
    for (const t of started) await t.close();
    started = [];
  });
  return async (env = {}) => {
    const t = await createTestApp(env);
    started.push(t);
    return t;
  };
}

/** Keeps cookies between app.inject calls, as a browser would (expiry and paths ignored). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: LightMyRequestResponse): void {
    for (const c of response.cookies as { name: string; value: string; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no _csrf field on the page');
  return match[1];
}

/** A browser-like client: GET pages, POST forms with the page's CSRF token. */
export function client(app: FastifyInstance) {
  const jar = new CookieJar();
  const request = async (method: 'GET' | 'POST', url: string, form?: Record<string, string>) => {
    const response = await app.inject({
      method,
      url,
      headers: { cookie: jar.header(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      payload: form ? new URLSearchParams(form).toString() : undefined,
    });
    jar.store(response);
    return response;
  };
  return {
    jar,
    get: (url: string) => request('GET', url),
    post: (url: string, form: Record<string, string>) => request('POST', url, form),
    /** Fetches the form page first and posts with its CSRF token. */
    async submit(pageUrl: string, actionUrl: string, form: Record<string, string>) {
      const page = await request('GET', pageUrl);
      return request('POST', actionUrl, { _csrf: csrfFrom(page.body), ...form });
    },
    async signIn(email: string, password: string) {
      return this.submit('/sign-in', '/sign-in', { email, password });
    },
  };
}
