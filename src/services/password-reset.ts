// Password reset by e-mail: a one-time link valid for RESET_MINUTES. Asking for one answers the same whether the
// address has an account or not (only the e-mail, if any, differs); using it sets the password, spends every open
// link of that user and ends all their sessions. Only sha256(token) is kept.
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../store/schema.ts';
import { inTransaction } from '../store/transaction.ts';
import { recordAudit } from '../store/audit-repository.ts';
import { findUserByEmail, getUser, normaliseEmail, setPasswordHash } from '../store/users-repository.ts';
import { deleteUserSessions } from '../store/sessions-repository.ts';
import { findPasswordResetByHash, insertPasswordReset, markPasswordResetUsed, type PasswordResetRecord } from '../store/one-time-links-repository.ts';
import { hashPassword, hashToken, randomToken } from './accounts.ts';
import { passwordProblem } from './passwords.ts';
import { sendOne, textAndHtml } from './mailer.ts';

type Db = Kysely<Database>;

export const RESET_MINUTES = 60;

export function resetPath(token: string): string {
  return `/sign-in/reset-password/${token}`;
}

/**
 * Sends a reset link when the address belongs to an enabled account. Says nothing back: the page that follows is
 * the same either way. A failure to send is logged by the caller, not shown.
 */
export async function requestReset(db: Db, config: Config, email: string, now: Date): Promise<{ sent: boolean; problem?: string }> {
  const user = await findUserByEmail(db, normaliseEmail(email));
  if (!user || user.disabled_at !== null) return { sent: false };
  const token = randomToken();
  await insertPasswordReset(db, {
    userId: user.id, tokenHash: hashToken(token), createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000).toISOString(),
  });
  await recordAudit(db, { organisationId: null, userId: user.id, entity: 'user', entityId: user.id, action: 'password-reset-requested' });
  const body = textAndHtml(
    [
      `Someone asked to reset the password of your ${config.serviceName} account (${user.email}).`,
      `The link works once and expires in ${RESET_MINUTES} minutes. If it was not you, ignore this e-mail: your password stays as it is.`,
    ],
    { text: 'Choose a new password', url: `${config.serviceUrl}${resetPath(token)}` },
  );
  try {
    await sendOne(config.smtp, { from: config.mailFrom, to: user.email, subject: `Reset your ${config.serviceName} password`, ...body });
    return { sent: true };
  } catch (error) {
    return { sent: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

export type ResetState = { status: 'open'; reset: PasswordResetRecord; email: string } | { status: 'used' | 'expired' | 'unknown' };

export async function resetState(db: Db, token: string, now: Date): Promise<ResetState> {
  const reset = /^[A-Za-z0-9_-]{43}$/.test(token) ? await findPasswordResetByHash(db, hashToken(token)) : undefined;
  if (!reset) return { status: 'unknown' };
  if (reset.usedAt !== null) return { status: 'used' };
  if (new Date(reset.expiresAt).getTime() <= now.getTime()) return { status: 'expired' };
  const user = await getUser(db, reset.userId);
  if (!user || user.disabled_at !== null) return { status: 'unknown' };
  return { status: 'open', reset, email: user.email };
}

export type ResetOutcome =
  | { ok: true }
  | { ok: false; problems: { field: string; message: string }[] }
  | { ok: false; state: 'used' | 'expired' | 'unknown' };

export async function completeReset(db: Db, token: string, password: string, confirm: string, now: Date): Promise<ResetOutcome> {
  const state = await resetState(db, token, now);
  if (state.status !== 'open') return { ok: false, state: state.status };
  const problem = await passwordProblem(password, { email: state.email });
  if (problem) return { ok: false, problems: [{ field: 'password', message: problem }] };
  if (password !== confirm) return { ok: false, problems: [{ field: 'confirm', message: 'Enter the same password twice' }] };
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async (trx) => {
    if (!(await markPasswordResetUsed(trx, state.reset, now.toISOString()))) return { ok: false, state: 'used' } as const;
    await setPasswordHash(trx, state.reset.userId, passwordHash);
    const ended = await deleteUserSessions(trx, state.reset.userId);
    await recordAudit(trx, {
      organisationId: null, userId: state.reset.userId, entity: 'user', entityId: state.reset.userId, action: 'password-reset',
      after: { sessionsEnded: ended },
    });
    return { ok: true } as const;
  });
}
