// People and access in the service layer, on every test database: invitations (hashed, one-time, seven days),
// joining by single sign-on only with an invitation or an account, the last admin, removal keeping history, and
// disabling a user.
import { expect, it, describe } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { addAccount, hashToken, loadUser, startSession, type CurrentUser } from '../../src/services/accounts.ts';
import { acceptBySso, acceptWithPassword, invitationState, invite } from '../../src/services/invitations.ts';
import { changeRole, removeMember, setUserDisabled } from '../../src/services/user-admin.ts';
import { forEachDatabase } from '../support/databases.ts';

const PASSWORD = 'willow cobalt saffron';
const DAY = 86_400_000;

forEachDatabase((_name, getStore) => {
  describe('people', () => {
    async function setUp(): Promise<{ admin: CurrentUser; organisationId: number }> {
      const { user } = await addAccount(getStore().db, { email: 'ad@example.org', name: 'Ad Min', password: PASSWORD, organisation: 'Org', role: 'admin' });
      return { admin: user, organisationId: user.memberships[0]!.organisationId };
    }

    it('keeps only the hash of an invitation token, accepts it once, and lets it expire after seven days', async () => {
      const { db } = getStore();
      const { admin, organisationId } = await setUp();
      const now = new Date('2026-03-02T09:00:00Z');
      // No SMTP server is set: the invitation is kept and the admin told why no e-mail went.
      const sent = await invite(db, loadConfig({}), admin, { organisationId, organisationName: 'Org', email: 'New@Example.org', role: 'viewer' }, now);
      expect(sent.mailProblem).toMatch(/No SMTP server is set/);
      expect(sent.invitation.email).toBe('new@example.org');
      expect(sent.invitation.expiresAt).toBe(new Date(now.getTime() + 7 * DAY).toISOString());
      const rows = await db.selectFrom('invitations').select('token_hash').execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);

      // A token we know, for the rest of the test.
      const token = 't'.repeat(43);
      await db.updateTable('invitations').set({ token_hash: hashToken(token) }).execute();
      expect((await invitationState(db, token, new Date(now.getTime() + 7 * DAY))).status).toBe('expired');
      const accepted = await acceptWithPassword(db, token, { name: 'New Person', password: PASSWORD, confirm: PASSWORD }, now);
      expect(accepted.ok).toBe(true);
      expect((await invitationState(db, token, now)).status).toBe('used');
      const again = await acceptWithPassword(db, token, { name: 'Someone', password: PASSWORD, confirm: PASSWORD }, now);
      expect(again).toEqual({ ok: false, state: 'used' });
    });

    it('lets single sign-on in only an account or an open invitation', async () => {
      const { db } = getStore();
      await setUp();
      const now = new Date();
      expect(await acceptBySso(db, 'stranger@example.org', 'Stranger', now)).toBeNull();
      expect(await db.selectFrom('users').select('id').where('email', '=', 'stranger@example.org').execute()).toEqual([]);
      const known = await acceptBySso(db, 'AD@example.org', '', now);
      expect(known).not.toBeNull();
    });

    it('keeps the last admin, and removes a member with their audit history kept', async () => {
      const { db } = getStore();
      const { admin, organisationId } = await setUp();
      expect(await changeRole(db, admin, organisationId, admin.id, 'viewer')).toEqual({ ok: false, reason: 'last-admin' });
      expect(await removeMember(db, admin, organisationId, admin.id)).toEqual({ ok: false, reason: 'last-admin' });
      const { user: vi } = await addAccount(db, { email: 'vi@example.org', name: 'Vi', password: PASSWORD, organisation: 'Org', role: 'viewer' });
      expect((await changeRole(db, admin, organisationId, vi.id, 'admin')).ok).toBe(true);
      // Now there are two admins, either may step down.
      expect((await changeRole(db, admin, organisationId, admin.id, 'plan-owner')).ok).toBe(true);
      expect(await removeMember(db, admin, organisationId, vi.id)).toEqual({ ok: false, reason: 'last-admin' });
      const { user: lee } = await addAccount(db, { email: 'lee@example.org', name: 'Lee', password: PASSWORD, organisation: 'Org', role: 'commitment-lead' });
      expect((await removeMember(db, admin, organisationId, lee.id)).ok).toBe(true);
      expect((await loadUser(db, lee.id))?.memberships).toEqual([]);
      const events = await db.selectFrom('audit_events').select(['action', 'before']).where('entity', '=', 'membership').where('entity_id', '=', lee.id).execute();
      expect(events.map((e) => e.action)).toEqual(['removed']);
      expect(String(events[0]!.before)).toContain('lee@example.org');
    });

    it('disables a user: sessions end at once, they load as nobody, and re-enabling gives their memberships back', async () => {
      const { db } = getStore();
      const { organisationId } = await setUp();
      const { user: vi } = await addAccount(db, { email: 'vi@example.org', name: 'Vi', password: PASSWORD, organisation: 'Org', role: 'viewer' });
      await startSession(db, vi.id, 8);
      const now = new Date();
      expect((await setUserDisabled(db, null, vi.id, true, now)).ok).toBe(true);
      expect(await db.selectFrom('sessions').select('id').where('user_id', '=', vi.id).execute()).toEqual([]);
      expect(await loadUser(db, vi.id)).toBeUndefined();
      expect((await setUserDisabled(db, null, vi.id, false, now)).ok).toBe(true);
      expect((await loadUser(db, vi.id))?.memberships.map((m) => [m.organisationId, m.role])).toEqual([[organisationId, 'viewer']]);
    });
  });
});
