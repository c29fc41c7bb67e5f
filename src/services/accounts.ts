// Accounts: password hashing, users and their memberships, server-side sessions, and the one authorisation check.
//
// Sessions: the cookie carries a random 32-byte token; the database keeps only sha256(token). Expiry is sliding:
// each use renews it to `sessionHours` from now, but never beyond ABSOLUTE_SESSION_HOURS (or `sessionHours`, if
// longer) after sign-in, so a stolen cookie cannot be kept alive for ever.
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../domain/types.ts';
import type { Database } from '../store/schema.ts';
import { findOrCreateOrganisation } from '../store/organisations-repository.ts';
import { findUserByEmail, getUser, insertUser, listUsers, normaliseEmail } from '../store/users-repository.ts';
import { addMembership, listMemberships, type Membership } from '../store/memberships-repository.ts';
import { deleteExpiredSessions, deleteSession, findSession, insertSession, updateSessionExpiry } from '../store/sessions-repository.ts';

type Db = Kysely<Database>;

// ---- passwords ---------------------------------------------------------------------------------------------

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 64 };
export const MIN_PASSWORD_LENGTH = 10;

function scryptAsync(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keylen, { ...options, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** "scrypt$N$r$p$salt$hash" (salt and hash base64url), so parameters can change without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.keylen, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, { N: +n, r: +r, p: +p });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const COMMON = new Set(['password123', 'password1234', '1234567890', '0123456789', 'qwertyuiop', 'letmein123', 'iloveyou12']);

/** Why a password is too weak, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 200) return 'Password must be 200 characters or fewer';
  if (new Set(password).size < 4) return 'Password must use at least 4 different characters';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'Password is too common: choose another';
  return null;
}

// ---- users ---------------------------------------------------------------------------------------------------

export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  memberships: Membership[];
}

export interface NewAccount {
  email: string;
  name: string;
  password?: string;
  organisation: string;
  role: Role;
}

export class AccountError extends Error {}

/**
 * Creates the user (or finds them by email) and gives them `role` in the organisation (created if new).
 * A new user needs an acceptable password; an existing user keeps theirs.
 */
export async function addAccount(db: Db, input: NewAccount): Promise<{ user: CurrentUser; created: boolean }> {
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new AccountError(`"${input.email}" is not an email address`);
  if (!input.organisation.trim()) throw new AccountError('Organisation name is required');
  let row = await findUserByEmail(db, email);
  const created = !row;
  if (!row) {
    if (!input.name.trim()) throw new AccountError('Name is required');
    if (input.password === undefined) throw new AccountError('A password is required for a new user');
    const problem = passwordProblem(input.password);
    if (problem) throw new AccountError(problem);
    row = await insertUser(db, { email, name: input.name, passwordHash: await hashPassword(input.password) });
  }
  const organisation = await findOrCreateOrganisation(db, input.organisation.trim());
  await addMembership(db, row.id, organisation.id, input.role);
  const user = await loadUser(db, row.id);
  if (!user) throw new AccountError('The user could not be read back');
  return { user, created };
}

export async function loadUser(db: Db, id: number): Promise<CurrentUser | undefined> {
  const row = await getUser(db, id);
  if (!row) return undefined;
  return { id: row.id, email: row.email, name: row.name, memberships: await listMemberships(db, [row.id]) };
}

export async function listAccounts(db: Db): Promise<CurrentUser[]> {
  const rows = await listUsers(db);
  const memberships = await listMemberships(db);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    memberships: memberships.filter((m) => m.userId === r.id),
  }));
}

let decoyHash: Promise<string> | undefined;

/** The user whose email and password match, or null. Takes as long for an unknown email as a wrong password. */
export async function authenticate(db: Db, email: string, password: string): Promise<CurrentUser | null> {
  const row = await findUserByEmail(db, email);
  if (!row) {
    decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verifyPassword(password, await decoyHash);
    return null;
  }
  if (!(await verifyPassword(password, row.password_hash))) return null;
  return (await loadUser(db, row.id)) ?? null;
}

// ---- sessions ------------------------------------------------------------------------------------------------

export const ABSOLUTE_SESSION_HOURS = 24;
const HOUR = 3_600_000;
const RENEW_AFTER_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

function expiryFor(createdAt: Date, now: Date, sessionHours: number): Date {
  const limit = createdAt.getTime() + Math.max(sessionHours, ABSOLUTE_SESSION_HOURS) * HOUR;
  return new Date(Math.min(now.getTime() + sessionHours * HOUR, limit));
}

export interface StartedSession {
  /** Goes in the cookie; never stored or logged. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function startSession(db: Db, userId: number, sessionHours: number, now = new Date()): Promise<StartedSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = expiryFor(now, now, sessionHours);
  await insertSession(db, {
    id: hashToken(token),
    userId,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { token, csrfToken, expiresAt };
}

export type SessionState =
  | { status: 'active'; user: CurrentUser; csrfToken: string; expiresAt: Date }
  | { status: 'expired' };

/** Looks the cookie token up; renews a live session (sliding expiry) and deletes an expired one. */
export async function resumeSession(db: Db, token: string, sessionHours: number, now = new Date()): Promise<SessionState> {
  const id = hashToken(token);
  const session = await findSession(db, id);
  if (!session) return { status: 'expired' };
  const expiresAt = new Date(session.expiresAt);
  if (!(expiresAt.getTime() > now.getTime())) {
    await deleteSession(db, id);
    return { status: 'expired' };
  }
  const user = await loadUser(db, session.userId);
  if (!user) return { status: 'expired' };
  const renewed = expiryFor(new Date(session.createdAt), now, sessionHours);
  if (renewed.getTime() - expiresAt.getTime() > RENEW_AFTER_MS) {
    await updateSessionExpiry(db, id, renewed.toISOString());
    return { status: 'active', user, csrfToken: session.csrfToken, expiresAt: renewed };
  }
  return { status: 'active', user, csrfToken: session.csrfToken, expiresAt };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await deleteSession(db, hashToken(token));
}

/** Deletes sessions that have expired; returns how many. */
export function purgeExpiredSessions(db: Db, now = new Date()): Promise<number> {
  return deleteExpiredSessions(db, now.toISOString());
}

// ---- authorisation -------------------------------------------------------------------------------------------

export type Action =
  | 'plan:read'
  | 'plan:edit'
  | 'plan:import'
  | 'commitment:edit'
  | 'update:write'
  | 'update:respond'
  | 'update:sign-off'
  | 'organisation:manage'
  | 'plan:publish'
  | 'reminders:preview'
  | 'audit:read';

/** 'all': anything of the organisation; 'own': only what the user leads (commitments whose lead they are). */
type Scope = 'all' | 'own';

const PERMISSIONS: Record<Role, Partial<Record<Action, Scope>>> = {
  // The reviewer's column (writing updates, signing a period off) belongs to reviewers alone, not to admins.
  admin: {
    'plan:read': 'all', 'plan:edit': 'all', 'plan:import': 'all', 'commitment:edit': 'all',
    'update:respond': 'all', 'organisation:manage': 'all',
    'plan:publish': 'all', 'reminders:preview': 'all', 'audit:read': 'all',
  },
  'plan-owner': { 'plan:read': 'all', 'plan:edit': 'all', 'plan:import': 'all', 'commitment:edit': 'all', 'update:respond': 'all',
    'plan:publish': 'all', 'reminders:preview': 'all', 'audit:read': 'all' },
  'commitment-lead': { 'plan:read': 'all', 'commitment:edit': 'own' },
  reviewer: { 'plan:read': 'all', 'update:write': 'all', 'update:sign-off': 'all', 'audit:read': 'all' },
  viewer: { 'plan:read': 'all' },
};

export interface Resource {
  /** The lead of the commitment the action is about, when it is about one. */
  leadUserId?: number | null;
}

/** The single authorisation check: may `user` do `action` in `organisationId` (on `resource`)? */
export function can(user: CurrentUser | null | undefined, action: Action, organisationId: number, resource: Resource = {}): boolean {
  if (!user) return false;
  return user.memberships.some((m) => {
    if (m.organisationId !== organisationId) return false;
    const scope = PERMISSIONS[m.role][action];
    if (scope === 'all') return true;
    return scope === 'own' && resource.leadUserId != null && resource.leadUserId === user.id;
  });
}
