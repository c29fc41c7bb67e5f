// The password check: a length, no short run repeated, and the bundled list of tens of thousands of common and
// breached passwords, read once.
import { describe, expect, it } from 'vitest';
import { commonPasswords, passwordProblem, MIN_PASSWORD_LENGTH } from '../../src/services/passwords.ts';

describe('password check', () => {
  it('ships a list of tens of thousands of common and breached passwords, read once', async () => {
    const list = await commonPasswords();
    expect(list.size).toBeGreaterThan(40_000);
    expect(await commonPasswords()).toBe(list);
    expect(list.has('password')).toBe(true);
  });

  it('refuses short, repeated, common and breached passwords with a reason', async () => {
    expect(await passwordProblem('short')).toBe(`Password must be at least ${MIN_PASSWORD_LENGTH} characters`);
    expect(await passwordProblem('x'.repeat(201))).toMatch(/200 characters or fewer/);
    for (const repeated of ['abcdabcdabcd', 'aaaaaaaaaaaa', '1212121212', 'abcabcabcabc']) {
      expect(await passwordProblem(repeated), repeated).toMatch(/a few characters repeated/);
    }
    for (const common of ['qwertyuiop', '1234567890', 'password123', 'Password1234', 'iloveyou12', 'football2024', 'sunshine!!']) {
      expect(await passwordProblem(common), common).toMatch(/common or breached/);
    }
    expect(await passwordProblem('pat@example.org', { email: 'Pat@Example.org' })).toMatch(/your email address/);
  });

  it('accepts a long phrase of unrelated words', async () => {
    expect(await passwordProblem('copper meadow violin')).toBeNull();
    expect(await passwordProblem('admin-demo-2019')).toBeNull();
  });
});
