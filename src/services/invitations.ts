// Invitations: an organisation's admin adds someone by e-mail who has no account yet. They get an e-mail with a
// one-time link, valid for INVITATION_DAYS, to set a password (or to sign in with single sign-on, which accepts
// every open invitation for their verified address). Only sha256(token) is kept; a used, revoked or expired link
// says which it is.
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Role } from '../domain/types.ts';
import { ROLES } from '../domain/types.ts';
import type { Database } from '../store/schema.ts';
import { inTransaction } from '../store/transaction.ts';
import { recordAudit } from '../store/audit-repository.ts';
import { getOrganisationSettings } from '../store/organisations-repository.ts';
import { addMembership } from '../store/memberships-repository.ts';
import { findUserByEmail, insertUser, normaliseEmail } from '../store/users-repository.ts';
import {
  findInvitationByHash, insertInvitation, markInvitationAccepted, openInvitationsFor, type InvitationRecord,
} from '../store/one-time-links-repository.ts';
import { hashPassword, hashToken, randomToken, type CurrentUser } from './accounts.ts';
import { passwordProblem } from './passwords.ts';
import { sendOne, textAndHtml, MailError } from './mailer.ts';
import { ROLE_LABELS } from './api-token-service.ts';

type Db = Kysely<Database>;

export const INVITATION_DAYS = 7;
const DAY = 86_400_000;

export function invitationPath(token: string): string {
  return `/sign-in/invitation/${token}`;
}

export interface SentInvitation {
  invitation: InvitationRecord;
  /** Why the e-mail could not be sent, when it could not: the admin is told, and can invite again. */
  mailProblem: string | null;
}

/** Records the invitation and e-mails its link. The caller has checked the inviter may manage members. */
export async function invite(
  db: Db, config: Config, inviter: CurrentUser,
  input: { organisationId: number; organisationName: string; email: string; role: Role }, now: Date,
): Promise<SentInvitation> {
  const token = randomToken();
  const email = normaliseEmail(input.email);
  const invitation = await inTransaction(db, async (trx) => {
    const created = await insertInvitation(trx, {
      organisationId: input.organisationId, email, role: input.role, tokenHash: hashToken(token), invitedBy: inviter.id,
      createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY).toISOString(),
    });
    await recordAudit(trx, {
      organisationId: input.organisationId, userId: inviter.id, entity: 'invitation', entityId: created.id, action: 'created',
      after: { email, role: input.role },
    });
    return created;
  });
  const link = `${config.serviceUrl}${invitationPath(token)}`;
  const body = textAndHtml(
    [
      `${inviter.name} has invited you to ${input.organisationName} on ${config.serviceName}, as ${ROLE_LABELS[input.role]}.`,
      `The link works once and expires in ${INVITATION_DAYS} days. If you were not expecting this e-mail, you can ignore it.`,
    ],
    { text: 'Accept the invitation', url: link },
  );
  let mailProblem: string | null = null;
  try {
    await sendOne(config.smtp, { from: config.mailFrom, to: email, subject: `You are invited to ${input.organisationName}`, ...body });
  } catch (error) {
    mailProblem = error instanceof MailError ? error.message : 'The e-mail could not be sent';
  }
  return { invitation, mailProblem };
}

export type InvitationState =
  | { status: 'open'; invitation: InvitationRecord; organisationName: string; ssoOnly: boolean; hasAccount: boolean }
  | { status: 'used' | 'expired' | 'revoked' | 'unknown' };

/** What the link's token stands for, now. */
export async function invitationState(db: Db, token: string, now: Date): Promise<InvitationState> {
  const invitation = /^[A-Za-z0-9_-]{43}$/.test(token) ? await findInvitationByHash(db, hashToken(token)) : undefined;
  if (!invitation) return { status: 'unknown' };
  if (invitation.acceptedAt !== null) return { status: 'used' };
  if (invitation.revokedAt !== null) return { status: 'revoked' };
  if (new Date(invitation.expiresAt).getTime() <= now.getTime()) return { status: 'expired' };
  const organisation = await getOrganisationSettings(db, invitation.organisationId);
  if (!organisation || organisation.archivedAt !== null) return { status: 'revoked' };
  const hasAccount = (await findUserByEmail(db, invitation.email)) !== undefined;
  return { status: 'open', invitation, organisationName: organisation.name, ssoOnly: organisation.ssoOnly, hasAccount };
}

function roleOf(value: string): Role {
  return ROLES.find((r) => r === value) ?? 'viewer';
}

export type AcceptOutcome =
  | { ok: true; userId: number }
  | { ok: false; problems: { field: string; message: string }[] }
  | { ok: false; state: Exclude<InvitationState['status'], 'open'> | 'sso-only' | 'has-account' | 'other-account' };

/** Sets the new person's name and password, makes the account and the membership, and spends the link. */
export async function acceptWithPassword(
  db: Db, token: string, input: { name: string; password: string; confirm: string }, now: Date,
): Promise<AcceptOutcome> {
  const state = await invitationState(db, token, now);
  if (state.status !== 'open') return { ok: false, state: state.status };
  if (state.ssoOnly) return { ok: false, state: 'sso-only' };
  const { invitation } = state;
  if (state.hasAccount) return { ok: false, state: 'has-account' };
  const problems: { field: string; message: string }[] = [];
  if (!input.name.trim()) problems.push({ field: 'name', message: 'Enter your full name' });
  const problem = await passwordProblem(input.password, { email: invitation.email, name: input.name });
  if (problem) problems.push({ field: 'password', message: problem });
  else if (input.password !== input.confirm) problems.push({ field: 'confirm', message: 'Enter the same password twice' });
  if (problems.length) return { ok: false, problems };
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    if (!(await markInvitationAccepted(trx, invitation.id, now.toISOString()))) return { ok: false, state: 'used' } as const;
    const user = await insertUser(trx, { email: invitation.email, name: input.name, passwordHash });
    await addMembership(trx, user.id, invitation.organisationId, roleOf(invitation.role));
    await recordAudit(trx, {
      organisationId: invitation.organisationId, userId: user.id, entity: 'invitation', entityId: invitation.id, action: 'accepted',
      after: { email: invitation.email, role: invitation.role },
    });
    return { ok: true, userId: user.id } as const;
  });
}

/** Someone who already has an account, signed in as the invited address, joins the organisation. */
export async function acceptSignedIn(db: Db, token: string, user: CurrentUser, now: Date): Promise<AcceptOutcome> {
  const state = await invitationState(db, token, now);
  if (state.status !== 'open') return { ok: false, state: state.status };
  const { invitation } = state;
  if (normaliseEmail(user.email) !== invitation.email) return { ok: false, state: 'other-account' };
  return inTransaction(db, async (trx) => {
    if (!(await markInvitationAccepted(trx, invitation.id, now.toISOString()))) return { ok: false, state: 'used' } as const;
    await addMembership(trx, user.id, invitation.organisationId, roleOf(invitation.role));
    await recordAudit(trx, {
      organisationId: invitation.organisationId, userId: user.id, entity: 'invitation', entityId: invitation.id, action: 'accepted',
      after: { email: invitation.email, role: invitation.role },
    });
    return { ok: true, userId: user.id } as const;
  });
}

/**
 * Single sign-on with a verified address: the account of that address (made now, without a password, if there is
 * none) joins every organisation that invited the address. Returns the user's id, or null when there was neither
 * an account nor an open invitation.
 */
export async function acceptBySso(db: Db, email: string, name: string, now: Date): Promise<number | null> {
  const address = normaliseEmail(email);
  return inTransaction(db, async (trx) => {
    const existing = await findUserByEmail(trx, address);
    const invitations = await openInvitationsFor(trx, address, now.toISOString());
    if (!existing && invitations.length === 0) return null;
    const user = existing ?? (await insertUser(trx, { email: address, name: name.trim() || address, passwordHash: '' }));
    for (const invitation of invitations) {
      if (!(await markInvitationAccepted(trx, invitation.id, now.toISOString()))) continue;
      await addMembership(trx, user.id, invitation.organisationId, roleOf(invitation.role));
      await recordAudit(trx, {
        organisationId: invitation.organisationId, userId: user.id, entity: 'invitation', entityId: invitation.id, action: 'accepted',
        after: { email: address, role: invitation.role, through: 'single sign-on' },
      });
    }
    return user.id;
  });
}
