import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { addAccount } from '../../src/services/accounts.ts';
import { appForEachTest, client, createTestApp } from './support.ts';

const PASSWORD = 'correct-horse-battery';

describe('signing in', () => {
  const t = appForEachTest(async (fresh) => {
    await addAccount(fresh.store.db, { email: 'owner@example.org', name: 'Olivia Owner', password: PASSWORD, organisation: 'Org A', role: 'plan-owner' });
  });

  it('serves the sign-in page as a GOV.UK page', async () => {
    const res = await client(t.app).get('/sign-in');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('class="govuk-template');
    expect(res.body).toContain('Improvement Tracker');
    expect(res.body).toContain('govuk-phase-banner');
    expect(res.body).toMatch(/<label[^>]*for="email"/);
    // No demo accounts outside demo mode.
    expect(res.body).not.toContain('Demo accounts');
  });

  it('sends a signed-out visitor from the home page to sign in', async () => {
    const res = await client(t.app).get('/');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/sign-in');
  });

  it('signs in with the right password and shows the home page', async () => {
    const browser = client(t.app);
    const res = await browser.signIn('Owner@Example.org', PASSWORD);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = res.cookies.find((c) => c.name === 'tracker_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.path).toBe('/');
    const home = await browser.get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Org A');
    expect(home.body).toContain('Olivia Owner');
  });

  it.each([
    ['a wrong password', 'owner@example.org', 'not-the-password'],
    ['an unknown email', 'nobody@example.org', PASSWORD],
  ])('refuses %s with the same error summary and no session', async (_case, email, password) => {
    const browser = client(t.app);
    const res = await browser.signIn(email, password);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('Enter a correct email address and password');
    expect(res.body).toContain('<title>Error: Sign in');
    expect(browser.jar.get('tracker_session')).toBeUndefined();
    const rows = await t.store.db.selectFrom('sessions').selectAll().execute();
    expect(rows).toHaveLength(0);
  });

  it('asks for missing fields with inline errors', async () => {
    const res = await client(t.app).signIn('', '');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Enter your email address');
    expect(res.body).toContain('Enter your password');
    expect(res.body).toContain('govuk-error-message');
  });

  it('refuses a form without the CSRF token with a 403 page', async () => {
    const browser = client(t.app);
    await browser.get('/sign-in');
    const res = await browser.post('/sign-in', { email: 'owner@example.org', password: PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Your form could not be sent');
    expect(browser.jar.get('tracker_session')).toBeUndefined();
  });

  it('refuses sign out without the session CSRF token, and signs out with it', async () => {
    const browser = client(t.app);
    await browser.signIn('owner@example.org', PASSWORD);
    const forged = await browser.post('/sign-out', { _csrf: 'made-up' });
    expect(forged.statusCode).toBe(403);
    expect((await browser.get('/')).statusCode).toBe(200);
    const out = await browser.submit('/', '/sign-out', {});
    expect(out.statusCode).toBe(303);
    const after = await browser.get('/');
    expect(after.statusCode).toBe(302);
    expect(await t.store.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
  });

  it('sends an expired session to sign in with a message', async () => {
    const browser = client(t.app);
    await browser.signIn('owner@example.org', PASSWORD);
    await t.store.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    const res = await browser.get('/');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/sign-in?expired=1');
    const page = await browser.get(res.headers.location as string);
    expect(page.body).toContain('Your session has expired');
    expect(await t.store.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
  });

  it('returns to the page asked for after signing in', async () => {
    const browser = client(t.app);
    const res = await browser.get('/plans/42');
    expect(res.headers.location).toBe('/sign-in?returnTo=%2Fplans%2F42');
    const signedIn = await browser.submit(res.headers.location as string, '/sign-in', {
      email: 'owner@example.org',
      password: PASSWORD,
      returnTo: '/plans/42',
    });
    expect(signedIn.headers.location).toBe('/plans/42');
    const offsite = await client(t.app).submit('/sign-in', '/sign-in', { email: 'owner@example.org', password: PASSWORD, returnTo: '//evil.example' });
    expect(offsite.headers.location).toBe('/');
  });
});

describe('secrets', () => {
  it('never stores the password in clear nor writes it or the session token to the logs', async () => {
    let logs = '';
    const stream = new Writable({ write(chunk, _enc, done) { logs += String(chunk); done(); } });
    const t = await createTestApp({}, { stream, level: 'trace' });
    try {
      await addAccount(t.store.db, { email: 'owner@example.org', name: 'O', password: PASSWORD, organisation: 'Org A', role: 'plan-owner' });
      const users = await t.store.db.selectFrom('users').selectAll().execute();
      expect(JSON.stringify(users)).not.toContain(PASSWORD);
      expect(users[0]?.password_hash).toMatch(/^scrypt\$/);

      const browser = client(t.app);
      await browser.signIn('owner@example.org', 'a-wrong-password-here');
      const res = await browser.signIn('owner@example.org', PASSWORD);
      expect(res.statusCode).toBe(303);
      const token = browser.jar.get('tracker_session');
      expect(token).toBeTruthy();
      await browser.get('/');

      expect(logs).toContain('signed in');
      expect(logs).not.toContain(PASSWORD);
      expect(logs).not.toContain('a-wrong-password-here');
      expect(logs).not.toContain(token);
      const sessions = await t.store.db.selectFrom('sessions').selectAll().execute();
      expect(JSON.stringify(sessions)).not.toContain(token);
    } finally {
      await t.close();
    }
  });
});
