// The rendered-page cache (plugins/page-cache.ts): a page someone has had is served again from memory, with that
// request's own CSP nonce and CSRF token, until anything is written (by any code, through any instance) or the day
// changes. Nobody is ever shown a page they may no longer see, or someone else's.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { DEMO_ACCOUNTS } from '../../src/services/demo.ts';
import { seedStaticDemo } from '../support/static-demo.ts';
import { client, createTestApp, csrfFrom, type TestApp } from './support.ts';

const password = (email: string) => DEMO_ACCOUNTS.find((a) => a.email === email)!.password;
const cspNonce = (header: unknown) => /script-src 'self' 'nonce-([0-9a-f]+)'/.exec(String(header))?.[1];

describe('rendered pages kept in memory', () => {
  let t: TestApp;
  let planId: number;

  async function signedIn(email: string) {
    const browser = client(t.app);
    expect((await browser.signIn(email, password(email))).statusCode).toBe(303);
    return browser;
  }

  async function start(env: Record<string, string> = {}) {
    t = await createTestApp({ DEMO: 'true', ...env });
    planId = (await seedStaticDemo(t.store)).planId;
  }

  beforeEach(() => {
    vi.stubEnv('TRACKER_TODAY', '2024-08-15');
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await t.close();
  });

  it('serves the second visit from memory, with this request’s own nonce and CSRF token', async () => {
    await start();
    const owner = await signedIn('owner@demo.example');
    const first = await owner.get(`/plans/${planId}`);
    const second = await owner.get(`/plans/${planId}`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-page-cache']).toBeUndefined();
    expect(second.statusCode).toBe(200);
    expect(second.headers['x-page-cache']).toBe('hit');

    // The kept page carries the nonce its own CSP header allows, not the first request's.
    const nonce = cspNonce(second.headers['content-security-policy']);
    expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(nonce).not.toBe(cspNonce(first.headers['content-security-policy']));
    expect(second.body).toContain(`<script nonce="${nonce}">`);
    // The session's CSRF token (the sign-out form) is the same in both and accepted.
    expect(csrfFrom(second.body)).toBe(csrfFrom(first.body));
    const strip = (html: string) => html.replace(/nonce="[0-9a-f]+"/g, '');
    expect(strip(second.body)).toBe(strip(first.body));
    expect(second.headers['cache-control']).toBe('no-store');
  });

  it('renders a page once when many requests for it arrive together, the others waiting for it', async () => {
    await start();
    const owner = await signedIn('owner@demo.example');
    const commitment = /href="(\/commitments\/\d+)"/.exec((await owner.get(`/plans/${planId}`)).body)?.[1] ?? '';
    const responses = await Promise.all(Array.from({ length: 10 }, () => owner.get(commitment)));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(responses.filter((r) => r.headers['x-page-cache'] === 'hit')).toHaveLength(9);
    const nonces = responses.map((r) => cspNonce(r.headers['content-security-policy']));
    expect(new Set(nonces).size).toBe(10);
    responses.forEach((r, i) => expect(r.body).toContain(`<script nonce="${nonces[i]}">`));
  });

  it('shows a write made by anything, even straight to the database, on the next visit', async () => {
    await start();
    const owner = await signedIn('owner@demo.example');
    await owner.get(`/plans/${planId}`);
    expect((await owner.get(`/plans/${planId}`)).headers['x-page-cache']).toBe('hit');

    // As another instance, a script or an operator would: not through this app at all.
    await sql`update commitments set title = 'Renamed where this app could not see it' where plan_id = ${planId} and number = 1`.execute(t.store.db);
    const after = await owner.get(`/plans/${planId}`);
    expect(after.headers['x-page-cache']).toBeUndefined();
    expect(after.body).toContain('Renamed where this app could not see it');
  });

  it('never shows a kept page to someone who has since lost their role, or signed out', async () => {
    await start();
    const viewer = await signedIn('viewer@demo.example');
    await viewer.get(`/plans/${planId}`);
    expect((await viewer.get(`/plans/${planId}`)).headers['x-page-cache']).toBe('hit');

    await sql`delete from memberships where user_id = (select id from users where email = 'viewer@demo.example')`.execute(t.store.db);
    expect((await viewer.get(`/plans/${planId}`)).statusCode).toBe(404);

    const owner = await signedIn('owner@demo.example');
    await owner.get(`/plans/${planId}`);
    expect((await owner.get(`/plans/${planId}`)).headers['x-page-cache']).toBe('hit');
    const page = await owner.get('/');
    expect((await owner.post('/sign-out', { _csrf: csrfFrom(page.body) })).statusCode).toBe(303);
    const out = await owner.get(`/plans/${planId}`);
    expect(out.statusCode).toBe(302);
    expect(out.headers.location).toMatch(/^\/sign-in/);
  });

  it('keeps each person’s own page: a viewer never gets the owner’s edit links', async () => {
    await start();
    const owner = await signedIn('owner@demo.example');
    const viewer = await signedIn('viewer@demo.example');
    for (let i = 0; i < 2; i += 1) {
      const ownerPage = await owner.get(`/plans/${planId}`);
      const viewerPage = await viewer.get(`/plans/${planId}`);
      expect(ownerPage.body).toContain('Olivia Owner');
      expect(ownerPage.body).toContain(`/plans/${planId}/edit`);
      expect(viewerPage.body).toContain('Victor Viewer');
      expect(viewerPage.body).not.toContain('Olivia Owner');
      expect(viewerPage.body).not.toContain(`/plans/${planId}/edit`);
    }
  });

  it('renders the page again the next day, when milestones may have become overdue', async () => {
    await start();
    const owner = await signedIn('owner@demo.example');
    await owner.get(`/plans/${planId}`);
    expect((await owner.get(`/plans/${planId}`)).body).toContain('Milestones as of 15 August 2024');
    vi.stubEnv('TRACKER_TODAY', '2024-08-16');
    const tomorrow = await owner.get(`/plans/${planId}`);
    expect(tomorrow.headers['x-page-cache']).toBeUndefined();
    expect(tomorrow.body).toContain('Milestones as of 16 August 2024');
  });

  it('keeps nothing with PAGE_CACHE_MB=0', async () => {
    await start({ PAGE_CACHE_MB: '0' });
    const owner = await signedIn('owner@demo.example');
    for (let i = 0; i < 3; i += 1) expect((await owner.get(`/plans/${planId}`)).headers['x-page-cache']).toBeUndefined();
  });
});
