// The account page: changing one's password (the current one needed, weak and common ones refused, other
// sessions ended), the sessions in use with "sign out everywhere", and the calendar feed and API tokens beside them.
import { describe, expect, it } from 'vitest';
import { addAccount } from '../../src/services/accounts.ts';
import { appForEachTest, client } from './support.ts';

const EMAIL = 'kim@example.org';
const PASSWORD = 'granite poppy saddle';
const NEW = 'tangerine oboe glacier';

describe('the account page', () => {
  const t = appForEachTest(async (fresh) => {
    await addAccount(fresh.store.db, { email: EMAIL, name: 'Kim Example', password: PASSWORD, organisation: 'Org', role: 'viewer' });
  });

  it('shows the person, their sessions, the calendar feed and API tokens in one place', async () => {
    const laptop = client(t.app);
    await laptop.signIn(EMAIL, PASSWORD);
    await client(t.app).signIn(EMAIL, PASSWORD);
    const page = await laptop.get('/account');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Kim Example');
    expect(page.body).toContain('Where you are signed in');
    expect(page.body.match(/<tr class="govuk-table__row">\s*<td/g)?.length).toBeGreaterThanOrEqual(2);
    expect(page.body).toContain('This browser');
    expect(page.body).toContain('href="/account/calendar"');
    expect(page.body).toContain('Make a token');
  });

  it('changes the password only with the current one, refuses weak ones, and ends the other sessions', async () => {
    const laptop = client(t.app);
    const phone = client(t.app);
    await laptop.signIn(EMAIL, PASSWORD);
    await phone.signIn(EMAIL, PASSWORD);

    const wrong = await laptop.submit('/account/password', '/account/password', { current: 'not it at all', password: NEW, confirm: NEW });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Your current password is not right');
    for (const weak of ['abcdabcdabcd', 'short', 'password1234', 'sunshine2024']) {
      const refused = await laptop.submit('/account/password', '/account/password', { current: PASSWORD, password: weak, confirm: weak });
      expect(refused.statusCode, weak).toBe(400);
    }
    const mismatch = await laptop.submit('/account/password', '/account/password', { current: PASSWORD, password: NEW, confirm: `${NEW}x` });
    expect(mismatch.body).toContain('Enter the same new password twice');

    const changed = await laptop.submit('/account/password', '/account/password', { current: PASSWORD, password: NEW, confirm: NEW });
    expect(changed.statusCode).toBe(303);
    expect((await laptop.get('/account?notice=password-changed')).body).toContain('Your password has been changed');
    expect((await phone.get('/account')).statusCode).toBe(302);
    expect((await client(t.app).signIn(EMAIL, NEW)).statusCode).toBe(303);
  });

  it('signs out everywhere, this browser too', async () => {
    const laptop = client(t.app);
    const phone = client(t.app);
    await laptop.signIn(EMAIL, PASSWORD);
    await phone.signIn(EMAIL, PASSWORD);
    const out = await laptop.submit('/account', '/account/sign-out-everywhere', {});
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/sign-in?signedOut=everywhere');
    expect((await laptop.get('/sign-in?signedOut=everywhere')).body).toContain('You have signed out everywhere');
    expect((await laptop.get('/account')).statusCode).toBe(302);
    expect((await phone.get('/account')).statusCode).toBe(302);
  });
});
