// The sign-in form's fields have limits like every other form's: too long an address is refused on the page with
// the GOV.UK error summary, keeping what was typed, and is never looked up.
import { describe, expect, it } from 'vitest';
import { appForEachTest, client } from './support.ts';

describe('signing in with a field over its limit', () => {
  const t = appForEachTest();

  it('refuses an email address over 320 characters with the error summary, keeping it in the form', async () => {
    const email = `${'a'.repeat(320)}@example.org`;
    const res = await client(t.app).signIn(email, 'any-password-at-all');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain('href="#email">Email address must be 320 characters or fewer</a>');
    expect(res.body).toContain(`value="${email}"`);
  });
});
