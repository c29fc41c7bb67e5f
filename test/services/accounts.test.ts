import { describe, expect, it } from 'vitest';
import {
  AccountError,
  addAccount,
  authenticate,
  can,
  endSession,
  hashPassword,
  hashToken,
  listAccounts,
  purgeExpiredSessions,
  passwordProblem,
  resumeSession,
  startSession,
  verifyPassword,
  type CurrentUser,
} from '../../src/services/accounts.ts';
import type { Role } from '../../src/domain/types.ts';
import { forEachDatabase } from '../support/databases.ts';

describe('passwords', () => {
  it('hashes with scrypt, a random salt and the parameters in the string', async () => {
    const a = await hashPassword('a-long-password');
    const b = await hashPassword('a-long-password');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('a-long-password');
    expect(await verifyPassword('a-long-password', a)).toBe(true);
    expect(await verifyPassword('a-long-passwore', a)).toBe(false);
    expect(await verifyPassword('a-long-password', 'garbage')).toBe(false);
  });

  it('refuses short, repetitive and common passwords with a reason', async () => {
    expect(await passwordProblem('short')).toBe('Password must be at least 10 characters');
    expect(await passwordProblem('aaaaaaaaaaaa')).toMatch(/a few characters repeated/);
    expect(await passwordProblem('Password123')).toMatch(/common or breached/);
    expect(await passwordProblem('a fine passphrase')).toBeNull();
  });
});

function userWith(...memberships: [number, Role][]): CurrentUser {
  return {
    id: 7,
    email: 'u@example.org',
    name: 'U',
    memberships: memberships.map(([organisationId, role]) => ({ userId: 7, organisationId, organisationName: `Org ${organisationId}`, role })),
  };
}

describe('can', () => {
  it('lets each role do what it is for, in its own organisation only', () => {
    expect(can(userWith([1, 'admin']), 'organisation:manage', 1)).toBe(true);
    expect(can(userWith([1, 'admin']), 'plan:read', 2)).toBe(false);
    expect(can(userWith([1, 'plan-owner']), 'plan:edit', 1)).toBe(true);
    expect(can(userWith([1, 'plan-owner']), 'update:write', 1)).toBe(false);
    expect(can(userWith([1, 'reviewer']), 'update:write', 1)).toBe(true);
    expect(can(userWith([1, 'reviewer']), 'plan:edit', 1)).toBe(false);
    expect(can(userWith([1, 'viewer']), 'plan:read', 1)).toBe(true);
    expect(can(userWith([1, 'viewer']), 'plan:edit', 1)).toBe(false);
    expect(can(null, 'plan:read', 1)).toBe(false);
  });

  it('lets a commitment lead edit only the commitments they lead', () => {
    const lead = userWith([1, 'commitment-lead']);
    expect(can(lead, 'commitment:edit', 1, { leadUserId: 7 })).toBe(true);
    expect(can(lead, 'commitment:edit', 1, { leadUserId: 8 })).toBe(false);
    expect(can(lead, 'commitment:edit', 1)).toBe(false);
    expect(can(lead, 'commitment:edit', 2, { leadUserId: 7 })).toBe(false);
  });

  it('combines roles held in several organisations', () => {
    const user = userWith([1, 'viewer'], [2, 'reviewer']);
    expect(can(user, 'update:write', 2)).toBe(true);
    expect(can(user, 'update:write', 1)).toBe(false);
  });
});

forEachDatabase((_name, getStore) => {
  describe('accounts', () => {
    it('adds a user with a role, signs them in by email in any case, and lists them', async () => {
      const { db } = getStore();
      const { user, created } = await addAccount(db, { email: 'Owner@Example.org ', name: 'Olivia', password: 'owner-password', organisation: 'Org A', role: 'plan-owner' });
      expect(created).toBe(true);
      expect(user.email).toBe('owner@example.org');
      expect(user.memberships.map((m) => [m.organisationName, m.role])).toEqual([['Org A', 'plan-owner']]);

      const again = await addAccount(db, { email: 'owner@example.org', name: '', organisation: 'Org B', role: 'reviewer' });
      expect(again.created).toBe(false);
      expect(again.user.memberships).toHaveLength(2);

      expect((await authenticate(db, 'OWNER@example.org', 'owner-password'))?.id).toBe(user.id);
      expect(await authenticate(db, 'owner@example.org', 'wrong-password')).toBeNull();
      expect(await authenticate(db, 'nobody@example.org', 'owner-password')).toBeNull();
      expect((await listAccounts(db)).map((a) => a.email)).toEqual(['owner@example.org']);
    });

    it('refuses a weak password or a bad email with a clear message and stores nothing', async () => {
      const { db } = getStore();
      await expect(addAccount(db, { email: 'a@example.org', name: 'A', password: 'short', organisation: 'Org', role: 'viewer' })).rejects.toThrow(
        new AccountError('Password must be at least 10 characters'),
      );
      await expect(addAccount(db, { email: 'not-an-email', name: 'A', password: 'long-enough-pw', organisation: 'Org', role: 'viewer' })).rejects.toThrow(
        /not an email address/,
      );
      await expect(addAccount(db, { email: 'a@example.org', name: 'A', organisation: 'Org', role: 'viewer' })).rejects.toThrow(/password is required/);
      expect(await listAccounts(db)).toEqual([]);
    });
  });

  describe('sessions', () => {
    const HOUR = 3_600_000;

    async function signedIn() {
      const { db } = getStore();
      const { user } = await addAccount(db, { email: 's@example.org', name: 'S', password: 'session-password', organisation: 'Org', role: 'viewer' });
      const start = new Date('2024-01-01T09:00:00Z');
      return { db, user, start, session: await startSession(db, user.id, 8, start) };
    }

    it('stores only the hash of the token, and resumes with the token', async () => {
      const { db, user, session, start } = await signedIn();
      const rows = await db.selectFrom('sessions').selectAll().execute();
      expect(rows.map((r) => r.id)).toEqual([hashToken(session.token)]);
      const state = await resumeSession(db, session.token, 8, new Date(start.getTime() + HOUR));
      expect(state.status === 'active' && state.user.id).toBe(user.id);
      expect(state.status === 'active' && state.csrfToken).toBe(session.csrfToken);
      expect((await resumeSession(db, 'made-up-token', 8, start)).status).toBe('expired');
    });

    it('slides the expiry with use, up to 24 hours after sign-in', async () => {
      const { db, session, start } = await signedIn();
      // Used every 7 hours: alive at 7h, 14h, 21h (each use renews 8 hours) ...
      for (const h of [7, 14, 21]) {
        expect((await resumeSession(db, session.token, 8, new Date(start.getTime() + h * HOUR))).status).toBe('active');
      }
      // ... but never beyond 24 hours after sign-in.
      expect((await resumeSession(db, session.token, 8, new Date(start.getTime() + 24.5 * HOUR))).status).toBe('expired');
    });

    it('expires after sessionHours unused, and ends on sign out', async () => {
      const { db, session, start } = await signedIn();
      expect((await resumeSession(db, session.token, 8, new Date(start.getTime() + 8 * HOUR + 1))).status).toBe('expired');
      const other = await startSession(db, (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id, 8);
      await endSession(db, other.token);
      expect((await resumeSession(db, other.token, 8)).status).toBe('expired');
    });

    it('purges expired sessions and keeps live ones', async () => {
      const { db, user, start } = await signedIn();
      const live = await startSession(db, user.id, 8, new Date(start.getTime() + 20 * HOUR));
      expect(await purgeExpiredSessions(db, new Date(start.getTime() + 21 * HOUR))).toBe(1);
      expect((await db.selectFrom('sessions').select('id').execute()).map((r) => r.id)).toEqual([hashToken(live.token)]);
    });
  });
});
