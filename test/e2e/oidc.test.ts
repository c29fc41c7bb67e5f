// Single sign-on through a real OpenID Connect provider (the `oidc-provider` package) started by the test on
// loopback, in Debian's Chromium: a known, verified address signs in; an invited address joins its organisation;
// an unknown address and an unverified one are refused with a page that says why; and an organisation set to
// single sign-on only refuses its members' passwords. Our pages are checked with axe.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Provider from 'oidc-provider';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { openStore, type Store } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { hashToken } from '../../src/services/accounts.ts';
import { DEMO_ORGANISATION } from '../../src/services/demo.ts';
import { appOver } from '../support/app.ts';
import { seedStaticDemo } from '../support/static-demo.ts';
import { closedPort } from '../services/smtp-test-server.ts';
import { CHROMIUM_ARGS, demoAccount, expectNoAxeViolations } from './support.ts';

const PROVIDER_NAME = 'Test Provider';
const INVITED = 'invited@kestrel.example';

/** The people the provider knows, by the login typed on its page. */
const PEOPLE: Record<string, { email: string; email_verified: boolean; name: string }> = {
  owner: { email: 'OWNER@demo.example', email_verified: true, name: 'Olivia Owner' },
  invited: { email: INVITED, email_verified: true, name: 'Ivy Invited' },
  stranger: { email: 'stranger@elsewhere.example', email_verified: true, name: 'Stan Stranger' },
  unverified: { email: 'lead@demo.example', email_verified: false, name: 'Not Sure' },
};

async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('single sign-on with OpenID Connect', () => {
  let dir: string;
  let providerServer: Server;
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    // The provider, on its own port of 127.0.0.1.
    const route: { handle?: (req: IncomingMessage, res: ServerResponse) => void } = {};
    providerServer = createServer((req, res) => route.handle?.(req, res));
    const issuer = `http://127.0.0.1:${await listenOnLoopback(providerServer)}`;
    const appPort = await closedPort();
    base = `http://127.0.0.1:${appPort}`;
    const provider = new Provider(issuer, {
      clients: [{
        client_id: 'tracker', client_secret: 'tracker-client-secret', redirect_uris: [`${base}/sign-in/sso/callback`],
        grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
      }],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      async findAccount(_ctx, id) {
        const person = PEOPLE[id];
        if (!person) return undefined;
        return { accountId: id, claims: async () => ({ sub: id, ...person }) };
      },
      features: { devInteractions: { enabled: true } },
      pkce: { required: () => true },
      cookies: { keys: ['oidc-test-cookie-key'] },
    });
    route.handle = provider.callback();

    dir = mkdtempSync(join(tmpdir(), 'tracker-e2e-oidc-'));
    const config = loadConfig({
      DATA_DIR: dir, DATABASE_URL: join(dir, 'e2e.sqlite'), DEMO: 'true', HOST: '127.0.0.1', SERVICE_URL: base,
      OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'tracker', OIDC_CLIENT_SECRET: 'tracker-client-secret', OIDC_NAME: PROVIDER_NAME,
    });
    store = openStore(config.databaseUrl);
    await migrate(store);
    await seedStaticDemo(store);
    // An open invitation for the invited address, as an admin's "add a member" leaves it.
    const organisation = await store.db.selectFrom('organisations').select('id').where('name', '=', DEMO_ORGANISATION).executeTakeFirstOrThrow();
    await store.db.insertInto('invitations').values({
      organisation_id: organisation.id, email: INVITED, role: 'reviewer', token_hash: hashToken('i'.repeat(43)), invited_by: null,
      created_at: new Date().toISOString(), expires_at: new Date(Date.now() + 86_400_000).toISOString(), accepted_at: null, revoked_at: null,
    }).execute();
    app = await appOver(store, config);
    await app.listen({ port: appPort, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    await new Promise((resolve) => providerServer?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Starts at our sign-in page, signs in at the provider as `login`, and returns on our side. */
  async function viaProvider(login: string): Promise<{ page: Page; status: number | undefined; close: () => Promise<void> }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${base}/sign-in`);
    let status: number | undefined;
    page.on('response', (r) => {
      if (r.url().startsWith(`${base}/sign-in/sso/callback`)) status = r.status();
    });
    await page.getByRole('button', { name: `Sign in with ${PROVIDER_NAME}` }).click();
    await page.waitForURL((url) => !url.href.startsWith(base));
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL((url) => url.href.startsWith(base) || url.pathname.includes('/interaction/'));
    if (!page.url().startsWith(base)) {
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL((url) => url.href.startsWith(base));
    }
    await page.waitForLoadState();
    return { page, status, close: () => context.close() };
  }

  it('offers "Sign in with <name>" beside the password form, and signs a known, verified address in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    expect(await page.getByRole('button', { name: `Sign in with ${PROVIDER_NAME}` }).count()).toBe(1);
    expect(await page.getByLabel('Email address').count()).toBe(1);
    await expectNoAxeViolations(page);
    await context.close();

    const { page: signedIn, close } = await viaProvider('owner');
    expect(new URL(signedIn.url()).pathname).toBe('/');
    expect(await signedIn.getByRole('heading', { name: DEMO_ORGANISATION }).count()).toBe(1);
    expect(await signedIn.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    await close();
  });

  it('lets an invited address join the organisation it was invited to', async () => {
    const { page, close } = await viaProvider('invited');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('heading', { name: DEMO_ORGANISATION }).count()).toBe(1);
    const roles = await store.db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['memberships.role', 'users.name', 'users.password_hash']).where('users.email', '=', INVITED).execute();
    expect(roles).toEqual([{ role: 'reviewer', name: 'Ivy Invited', password_hash: '' }]);
    await close();
  });

  it('refuses an address nobody has given access, with a page that says so', async () => {
    const { page, status, close } = await viaProvider('stranger');
    expect(status).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('There is no account for this email address');
    expect(await page.locator('main').textContent()).toContain('stranger@elsewhere.example');
    await expectNoAxeViolations(page);
    expect((await page.goto(`${base}/account`))?.url()).toContain('/sign-in');
    expect(await store.db.selectFrom('users').select('id').where('email', '=', 'stranger@elsewhere.example').execute()).toEqual([]);
    await close();
  });

  it('refuses an address the provider has not verified, even one with an account', async () => {
    const { page, status, close } = await viaProvider('unverified');
    expect(status).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your email address has not been confirmed');
    await expectNoAxeViolations(page);
    expect((await page.goto(`${base}/account`))?.url()).toContain('/sign-in');
    await close();
  });

  it('refuses passwords for members of an organisation set to single sign-on only', async () => {
    await store.db.updateTable('organisations').set({ sso_only: 1 }).where('name', '=', DEMO_ORGANISATION).execute();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    const viewer = demoAccount('viewer@demo.example');
    await page.getByLabel('Email address').fill(viewer.email);
    await page.getByLabel('Password', { exact: true }).fill(viewer.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').textContent()).toContain(`Your organisation asks you to sign in with ${PROVIDER_NAME}`);
    await expectNoAxeViolations(page);
    await context.close();
    const { page: viaSso, close } = await viaProvider('owner');
    expect(new URL(viaSso.url()).pathname).toBe('/');
    await close();
  });
});
