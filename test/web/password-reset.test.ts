// Password reset by e-mail, through the pages, with the e-mail caught by a real SMTP server: an unknown and a
// known address get the same answer, the link works once, and the reset signs the user out everywhere.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount } from '../../src/services/accounts.ts';
import { startMailCapture, type MailCapture } from '../services/people-mail-server.ts';
import { client, createTestApp, type TestApp } from './support.ts';

const EMAIL = 'pat@example.org';
const OLD = 'rainy harbour lantern';
const NEW = 'copper meadow violin';

function visibleText(html: string): string {
  return (/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html).replace(/<input[^>]*name="_csrf"[^>]*>/g, '').replace(/\s+/g, ' ');
}

describe('password reset', () => {
  let t: TestApp;
  let mail: MailCapture;
  beforeEach(async () => {
    mail = await startMailCapture();
    t = await createTestApp({ ...mail.env, SERVICE_URL: 'https://tracker.example.org' });
    await addAccount(t.store.db, { email: EMAIL, name: 'Pat Example', password: OLD, organisation: 'Org', role: 'viewer' });
  });
  afterEach(async () => {
    await t.close();
    await mail.close();
  });

  it('answers an unknown and a known address with the same page, and e-mails only the known one', async () => {
    const browser = client(t.app);
    const unknown = await browser.submit('/sign-in/forgot-password', '/sign-in/forgot-password', { email: 'nobody@example.org' });
    const known = await browser.submit('/sign-in/forgot-password', '/sign-in/forgot-password', { email: EMAIL });
    expect(unknown.statusCode).toBe(200);
    expect(known.statusCode).toBe(200);
    expect(visibleText(unknown.body).replace('nobody@example.org', EMAIL)).toBe(visibleText(known.body));
    expect(known.body).toContain('Check your email');
    expect(mail.mails.map((m) => m.to)).toEqual([[EMAIL]]);
    expect(mail.mails[0]!.decoded).toMatch(/content-type: text\/plain/i);
    expect(mail.mails[0]!.decoded).toMatch(/content-type: text\/html/i);
  });

  it('sets the new password once, ends every old session, and refuses the link a second time', async () => {
    const phone = client(t.app);
    expect((await phone.signIn(EMAIL, OLD)).statusCode).toBe(303);
    expect((await phone.get('/account')).statusCode).toBe(200);

    const browser = client(t.app);
    await browser.submit('/sign-in/forgot-password', '/sign-in/forgot-password', { email: EMAIL });
    const link = new URL(mail.linkTo(EMAIL, '/sign-in/reset-password/'));
    expect(link.origin).toBe('https://tracker.example.org');

    const weak = await browser.submit(link.pathname, link.pathname, { password: 'abcdabcdabcd', confirm: 'abcdabcdabcd' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('must not be a few characters repeated');
    const common = await browser.submit(link.pathname, link.pathname, { password: 'qwertyuiop', confirm: 'qwertyuiop' });
    expect(common.body).toContain('list of common or breached passwords');

    const done = await browser.submit(link.pathname, link.pathname, { password: NEW, confirm: NEW });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/sign-in?reset=1');

    // The session on the other device has ended.
    const after = await phone.get('/account');
    expect(after.statusCode).toBe(302);
    expect(after.headers.location).toMatch(/^\/sign-in/);

    const again = await browser.get(link.pathname);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('This link has already been used');

    expect((await client(t.app).signIn(EMAIL, OLD)).statusCode).toBe(400);
    expect((await client(t.app).signIn(EMAIL, NEW)).statusCode).toBe(303);
  });

  it('says an expired link has expired', async () => {
    const { hashToken } = await import('../../src/services/accounts.ts');
    const user = await t.store.db.selectFrom('users').select('id').where('email', '=', EMAIL).executeTakeFirstOrThrow();
    const token = 'x'.repeat(43);
    await t.store.db.insertInto('password_resets').values({
      user_id: user.id, token_hash: hashToken(token), created_at: '2020-01-01T00:00:00.000Z', expires_at: '2020-01-01T01:00:00.000Z', used_at: null,
    }).execute();
    const page = await client(t.app).get(`/sign-in/reset-password/${token}`);
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('This link has expired');
  });
});
