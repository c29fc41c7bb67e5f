// Signing in with limits: after MAX_FAILURES wrong passwords for one e-mail address within LOCK_WINDOW, the address
// is refused for LOCK_DURATION. Unknown addresses are counted and locked the same way, and a locked address still
// goes through the password check, so neither the answer nor its timing says whether an account exists.
// Every outcome is recorded in the audit trail.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { normaliseEmail } from '../store/users-repository.ts';
import { clearFailures, countFailure, lockedUntil } from '../store/sign-in-lockouts-repository.ts';
import { recordAudit } from '../store/audit-repository.ts';
import { userNeedsSso } from '../store/organisations-repository.ts';
import { authenticate, type CurrentUser } from './accounts.ts';

export const MAX_FAILURES = 5;
export const LOCK_WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;
const MINUTE = 60_000;

export type SignInOutcome =
  | { status: 'signed-in'; user: CurrentUser }
  | { status: 'wrong' }
  | { status: 'locked' }
  /** The password was right, but an organisation of theirs asks its members to use single sign-on. */
  | { status: 'sso-only' };

export async function signIn(db: Kysely<Database>, email: string, password: string, now = new Date()): Promise<SignInOutcome> {
  const address = normaliseEmail(email);
  const locked = await lockedUntil(db, address, now);
  // Checked even when locked, so a locked address takes as long to answer as any other.
  const user = await authenticate(db, address, password);
  if (locked) {
    await recordAudit(db, { organisationId: null, userId: null, userEmail: address, entity: 'sign-in', entityId: null, action: 'refused-locked' });
    return { status: 'locked' };
  }
  if (!user) {
    const nowLocked = await countFailure(db, address, now, {
      max: MAX_FAILURES, windowMs: LOCK_WINDOW_MINUTES * MINUTE, lockMs: LOCK_MINUTES * MINUTE,
    });
    await recordAudit(db, {
      organisationId: null, userId: null, userEmail: address, entity: 'sign-in', entityId: null,
      action: nowLocked ? 'failed-and-locked' : 'failed',
    });
    return { status: 'wrong' };
  }
  await clearFailures(db, address);
  if (await userNeedsSso(db, user.id)) {
    await recordAudit(db, { organisationId: null, userId: user.id, entity: 'sign-in', entityId: user.id, action: 'refused-sso-only' });
    return { status: 'sso-only' };
  }
  await recordAudit(db, { organisationId: null, userId: user.id, entity: 'sign-in', entityId: user.id, action: 'signed-in' });
  return { status: 'signed-in', user };
}
