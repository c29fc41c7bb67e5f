import { describe, expect, it } from 'vitest';
import { addAccount } from '../../src/services/accounts.ts';
import { appOver } from '../support/app.ts';
import { ADDRESS_LIMIT } from '../../src/web/routes/sign-in/index.ts';
import { appForEachTest, client } from './support.ts';

const PASSWORD = 'correct-horse-battery';
const LOCKED = 'There have been too many attempts to sign in with this email address';

describe('sign-in limits', () => {
  const t = appForEachTest(async (fresh) => {
    await addAccount(fresh.store.db, { email: 'owner@example.org', name: 'Olivia Owner', password: PASSWORD, organisation: 'Org A', role: 'plan-owner' });
  });

  it('refuses an account after 5 wrong passwords, even with the right one, and says so the same way for unknown addresses', async () => {
    const browser = client(t.app);
    for (let i = 0; i < 5; i++) {
      const wrong = await browser.signIn('owner@example.org', `wrong-password-${i}`);
      expect(wrong.body).toContain('Enter a correct email address and password');
    }
    const refused = await browser.signIn('owner@example.org', PASSWORD);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain(LOCKED);
    expect(browser.jar.get('tracker_session')).toBeUndefined();

    const stranger = client(t.app);
    for (let i = 0; i < 5; i++) await stranger.signIn('nobody@example.org', `wrong-password-${i}`);
    const unknown = await stranger.signIn('nobody@example.org', PASSWORD);
    expect(unknown.statusCode).toBe(refused.statusCode);
    // The same page apart from the address typed and per-request tokens.
    const strip = (html: string) => html.replace(/(value|nonce)="[^"]*"/g, '');
    expect(strip(unknown.body)).toBe(strip(refused.body));

    // Other accounts are not affected.
    await addAccount(t.store.db, { email: 'other@example.org', name: 'Other', password: PASSWORD, organisation: 'Org A', role: 'viewer' });
    expect((await client(t.app).signIn('other@example.org', PASSWORD)).statusCode).toBe(303);
  });

  it('records sign-ins and failed sign-ins in the audit trail', async () => {
    await client(t.app).signIn('owner@example.org', 'not-the-password');
    await client(t.app).signIn('owner@example.org', PASSWORD);
    const events = await t.store.db.selectFrom('audit_events').select(['entity', 'action', 'user_email']).orderBy('seq').execute();
    expect(events).toEqual([
      { entity: 'sign-in', action: 'failed', user_email: 'owner@example.org' },
      { entity: 'sign-in', action: 'signed-in', user_email: 'owner@example.org' },
    ]);
  });

  it(`throttles sign-in posts from one client address after ${ADDRESS_LIMIT.max}, counting across instances of the service`, async () => {
    // A second instance of the service on the same database shares the counters.
    const other = await appOver(t.store, t.config);
    try {
      const first = client(t.app);
      const second = client(other);
      for (let i = 0; i < ADDRESS_LIMIT.max; i++) {
        const res = await (i % 2 === 0 ? first : second).signIn(`person${i}@example.org`, '');
        expect(res.statusCode).toBe(400);
      }
      const throttled = await first.signIn('owner@example.org', PASSWORD);
      expect(throttled.statusCode).toBe(429);
      expect(throttled.body).toContain('govuk-error-summary');
      expect(throttled.body).toContain('There have been too many attempts to sign in from your network');
      expect(first.jar.get('tracker_session')).toBeUndefined();
      expect((await second.signIn('owner@example.org', PASSWORD)).statusCode).toBe(429);
    } finally {
      await other.close();
    }
  });
});
