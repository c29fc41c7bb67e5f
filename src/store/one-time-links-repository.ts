// One-time links sent by e-mail: invitations to join an organisation and password resets. Only sha256(token) is
// kept; a link is used by marking its row, so a second use, or one after `expires_at`, finds it spent.
import type { Kysely, Selectable } from 'kysely';
import type { Database, InvitationsTable, PasswordResetsTable } from './schema.ts';

export interface InvitationRecord {
  id: number;
  organisationId: number;
  email: string;
  role: string;
  invitedBy: number | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

function toInvitation(row: Selectable<InvitationsTable>): InvitationRecord {
  return {
    id: row.id, organisationId: row.organisation_id, email: row.email, role: row.role, invitedBy: row.invited_by,
    createdAt: row.created_at, expiresAt: row.expires_at, acceptedAt: row.accepted_at, revokedAt: row.revoked_at,
  };
}

export async function insertInvitation(
  db: Kysely<Database>,
  invitation: { organisationId: number; email: string; role: string; tokenHash: string; invitedBy: number | null; createdAt: string; expiresAt: string },
): Promise<InvitationRecord> {
  const row = await db.insertInto('invitations').values({
    organisation_id: invitation.organisationId, email: invitation.email, role: invitation.role, token_hash: invitation.tokenHash,
    invited_by: invitation.invitedBy, created_at: invitation.createdAt, expires_at: invitation.expiresAt, accepted_at: null, revoked_at: null,
  }).returningAll().executeTakeFirstOrThrow();
  return toInvitation(row);
}

export async function findInvitationByHash(db: Kysely<Database>, tokenHash: string): Promise<InvitationRecord | undefined> {
  const row = await db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row && toInvitation(row);
}

/** Invitations for this address not yet accepted, revoked or expired by `now`, oldest first. */
export async function openInvitationsFor(db: Kysely<Database>, email: string, now: string): Promise<InvitationRecord[]> {
  const rows = await db.selectFrom('invitations').selectAll().where('email', '=', email).where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null).where('expires_at', '>', now).orderBy('id').execute();
  return rows.map(toInvitation);
}

/** The organisation's invitations still open at `now`, newest first. */
export async function openInvitationsOf(db: Kysely<Database>, organisationId: number, now: string): Promise<InvitationRecord[]> {
  const rows = await db.selectFrom('invitations').selectAll().where('organisation_id', '=', organisationId).where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null).where('expires_at', '>', now).orderBy('id', 'desc').execute();
  return rows.map(toInvitation);
}

/** Marks the invitation accepted; false when it was already used or revoked (two tabs racing). */
export async function markInvitationAccepted(db: Kysely<Database>, id: number, at: string): Promise<boolean> {
  const result = await db.updateTable('invitations').set({ accepted_at: at }).where('id', '=', id).where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function revokeInvitation(db: Kysely<Database>, id: number, at: string): Promise<boolean> {
  const result = await db.updateTable('invitations').set({ revoked_at: at }).where('id', '=', id).where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface PasswordResetRecord {
  id: number;
  userId: number;
  expiresAt: string;
  usedAt: string | null;
}

function toReset(row: Selectable<PasswordResetsTable>): PasswordResetRecord {
  return { id: row.id, userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at };
}

export async function insertPasswordReset(
  db: Kysely<Database>,
  reset: { userId: number; tokenHash: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db.insertInto('password_resets').values({
    user_id: reset.userId, token_hash: reset.tokenHash, created_at: reset.createdAt, expires_at: reset.expiresAt, used_at: null,
  }).execute();
}

export async function findPasswordResetByHash(db: Kysely<Database>, tokenHash: string): Promise<PasswordResetRecord | undefined> {
  const row = await db.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row && toReset(row);
}

/** Marks the reset used, and every other open reset of the same user with it; false when it was already used. */
export async function markPasswordResetUsed(db: Kysely<Database>, reset: PasswordResetRecord, at: string): Promise<boolean> {
  const result = await db.updateTable('password_resets').set({ used_at: at }).where('id', '=', reset.id).where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await db.updateTable('password_resets').set({ used_at: at }).where('user_id', '=', reset.userId).where('used_at', 'is', null).execute();
  return true;
}

export interface SsoRequest {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  createdAt: string;
}

export async function insertSsoRequest(db: Kysely<Database>, stateHash: string, request: SsoRequest): Promise<void> {
  await db.insertInto('sso_requests').values({
    state_hash: stateHash, code_verifier: request.codeVerifier, nonce: request.nonce, return_to: request.returnTo, created_at: request.createdAt,
  }).execute();
}

/** The request of this state, removed as it is read so that it serves one callback only. */
export async function takeSsoRequest(db: Kysely<Database>, stateHash: string): Promise<SsoRequest | undefined> {
  const row = await db.selectFrom('sso_requests').selectAll().where('state_hash', '=', stateHash).executeTakeFirst();
  if (!row) return undefined;
  await db.deleteFrom('sso_requests').where('state_hash', '=', stateHash).execute();
  return { codeVerifier: row.code_verifier, nonce: row.nonce, returnTo: row.return_to, createdAt: row.created_at };
}

/** Removes requests begun before `before` (abandoned round trips). */
export async function purgeSsoRequests(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('sso_requests').where('created_at', '<', before).execute();
}
