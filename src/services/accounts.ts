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
import {
  deleteExpiredSessions, deleteSession, deleteUserSessions, findSessionAtVersion, insertSession, listUserSessions, updateSessionExpiry,
} from '../store/sessions-repository.ts';
import { setPasswordHash } from '../store/users-repository.ts';
import { passwordProblem } from './passwords.ts';

type Db = Kysely<Database>;

// ---- passwords ---------------------------------------------------------------------------------------------

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 64 };

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

export { MIN_PASSWORD_LENGTH, passwordProblem } from './passwords.ts';

// ---- users ---------------------------------------------------------------------------------------------------

export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  memberships: Membership[];
  /** A service-wide admin (see PERMISSIONS below and docs/authorisation.md). */
  serviceAdmin?: boolean;
}

export interface NewAccount {
  email: string;
  name: string;
  password?: string;
  organisation: string;
  role: Role;
  /**
   * When the email already has an account: 'keep-password' adds the role and leaves the password alone (the demo);
   * 'refuse' stops with an error if a password was given (the command line, unless told to reset); 'reset' sets it.
   */
  onExisting?: 'keep-password' | 'refuse' | 'reset';
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
    const problem = await passwordProblem(input.password, { email });
    if (problem) throw new AccountError(problem);
    row = await insertUser(db, { email, name: input.name, passwordHash: await hashPassword(input.password) });
  } else if (input.password !== undefined && input.onExisting === 'refuse') {
    throw new AccountError(`${email} already has an account: its password was not changed (reset it on purpose with --reset)`);
  } else if (input.password !== undefined && input.onExisting === 'reset') {
    const problem = await passwordProblem(input.password, { email });
    if (problem) throw new AccountError(problem);
    await setPasswordHash(db, row.id, await hashPassword(input.password));
    await deleteUserSessions(db, row.id);
  }
  const organisation = await findOrCreateOrganisation(db, input.organisation.trim());
  await addMembership(db, row.id, organisation.id, input.role);
  const user = await loadUser(db, row.id);
  if (!user) throw new AccountError('The user could not be read back');
  return { user, created };
}

/** The user as a session or token acts for them; undefined for a disabled user, who can do nothing. */
export async function loadUser(db: Db, id: number): Promise<CurrentUser | undefined> {
  const row = await getUser(db, id);
  if (!row || row.disabled_at !== null) return undefined;
  return {
    id: row.id, email: row.email, name: row.name, memberships: await listMemberships(db, [row.id]), serviceAdmin: row.service_admin === 1,
  };
}

export async function listAccounts(db: Db): Promise<(CurrentUser & { disabled: boolean })[]> {
  const rows = await listUsers(db);
  const memberships = await listMemberships(db);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    memberships: memberships.filter((m) => m.userId === r.id),
    serviceAdmin: r.service_admin === 1,
    disabled: r.disabled_at !== null,
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
  // An account made through single sign-on has no password (an empty hash matches nothing).
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

export async function startSession(
  db: Db, userId: number, sessionHours: number, now = new Date(), userAgent: string | null = null,
): Promise<StartedSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = expiryFor(now, now, sessionHours);
  await insertSession(db, {
    id: hashToken(token),
    userId,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export type SessionState =
  | {
    status: 'active';
    user: CurrentUser;
    csrfToken: string;
    expiresAt: Date;
    /** The expiry moved on: the cookie must say the new one. */
    renewed: boolean;
    /** The content version the session was read at (store/content-version.ts). */
    contentVersion: number;
  }
  | { status: 'expired' };

/**
 * Signed-in users kept between requests, each under the content version it was read at: any write to users,
 * memberships or organisations raises the version, on whichever instance it is made, and the next request reads
 * the user again. The session itself is read from the database on every request, so signing out is immediate.
 */
export class UserCache {
  readonly #entries = new Map<number, { version: number; user: CurrentUser | undefined }>();
  constructor(private readonly limit = 1000) {}

  async get(db: Db, id: number, version: number): Promise<CurrentUser | undefined> {
    const kept = this.#entries.get(id);
    if (kept && kept.version === version) return kept.user;
    const user = await loadUser(db, id);
    this.#entries.delete(id);
    if (this.#entries.size >= this.limit) this.#entries.delete(this.#entries.keys().next().value as number);
    this.#entries.set(id, { version, user });
    return user;
  }
}

/** Looks the cookie token up; renews a live session (sliding expiry) and deletes an expired one. */
export async function resumeSession(
  db: Db, token: string, sessionHours: number, now = new Date(), users: UserCache = new UserCache(1),
): Promise<SessionState> {
  const id = hashToken(token);
  const found = await findSessionAtVersion(db, id);
  if (!found) return { status: 'expired' };
  const { session, contentVersion } = found;
  const expiresAt = new Date(session.expiresAt);
  if (!(expiresAt.getTime() > now.getTime())) {
    await deleteSession(db, id);
    return { status: 'expired' };
  }
  const user = await users.get(db, session.userId, contentVersion);
  if (!user) return { status: 'expired' };
  const renewed = expiryFor(new Date(session.createdAt), now, sessionHours);
  if (renewed.getTime() - expiresAt.getTime() > RENEW_AFTER_MS) {
    await updateSessionExpiry(db, id, renewed.toISOString());
    return { status: 'active', user, csrfToken: session.csrfToken, expiresAt: renewed, renewed: true, contentVersion };
  }
  return { status: 'active', user, csrfToken: session.csrfToken, expiresAt, renewed: false, contentVersion };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await deleteSession(db, hashToken(token));
}

export interface SessionSummary {
  /** The session the request came with. */
  current: boolean;
  createdAt: string;
  expiresAt: string;
  userAgent: string | null;
}

/** The user's live sessions, the current one marked. */
export async function sessionsOf(db: Db, userId: number, currentToken: string | null, now = new Date()): Promise<SessionSummary[]> {
  const currentId = currentToken === null ? null : hashToken(currentToken);
  const sessions = await listUserSessions(db, userId, now.toISOString());
  return sessions.map((s) => ({ current: s.id === currentId, createdAt: s.createdAt, expiresAt: s.expiresAt, userAgent: s.userAgent ?? null }));
}

/** Ends the user's sessions, all of them or all but the one of `keepToken`; returns how many ended. */
export function endSessionsOf(db: Db, userId: number, keepToken?: string): Promise<number> {
  return deleteUserSessions(db, userId, keepToken === undefined ? undefined : hashToken(keepToken));
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
  | 'periods:set-up'
  | 'organisation:manage'
  | 'plan:publish'
  | 'reminders:preview'
  | 'audit:read';

// Who may do what. docs/authorisation.md says the same in words; keep the two together.
//
// In an organisation, by role (a user may hold roles in several organisations):
// - admin: runs the organisation ('organisation:manage'): renames it, sets it to single sign-on only, adds members
//   by e-mail (an invitation when they have no account), changes their roles and removes them (never the last
//   admin); and everything a plan owner does but the reviewer's column;
// - plan-owner: imports, edits and publishes plans, sets up review periods, answers reviewers, reads the audit trail;
// - commitment-lead: reads plans and edits the commitments they lead;
// - reviewer: reads plans, writes and signs off progress updates, sets up review periods, reads the audit trail;
// - viewer: reads plans.
// Across the service, the service-wide admin (users.service_admin, set with `tracker users add --service-admin`):
// creates and archives organisations, manages the members of any organisation (to appoint its first admin), lists
// every user and disables or re-enables them. Being a service-wide admin does not let anyone read an organisation's
// plans: for that they need a role in it like anyone else.
// An archived organisation is read-only for its members: they may read its plans and audit trail, nothing more.

/** 'all': anything of the organisation; 'own': only what the user leads (commitments whose lead they are). */
type Scope = 'all' | 'own';

const PERMISSIONS: Record<Role, Partial<Record<Action, Scope>>> = {
  // The reviewer's column (writing updates, signing a period off) belongs to reviewers alone, not to admins.
  admin: {
    'plan:read': 'all', 'plan:edit': 'all', 'plan:import': 'all', 'commitment:edit': 'all',
    'update:respond': 'all', 'organisation:manage': 'all', 'periods:set-up': 'all',
    'plan:publish': 'all', 'reminders:preview': 'all', 'audit:read': 'all',
  },
  'plan-owner': { 'plan:read': 'all', 'plan:edit': 'all', 'plan:import': 'all', 'commitment:edit': 'all', 'update:respond': 'all', 'periods:set-up': 'all',
    'plan:publish': 'all', 'reminders:preview': 'all', 'audit:read': 'all' },
  'commitment-lead': { 'plan:read': 'all', 'commitment:edit': 'own' },
  reviewer: { 'plan:read': 'all', 'update:write': 'all', 'update:sign-off': 'all', 'periods:set-up': 'all', 'audit:read': 'all' },
  viewer: { 'plan:read': 'all' },
};

export interface Resource {
  /** The lead of the commitment the action is about, when it is about one. */
  leadUserId?: number | null;
}

/** What members may still do in an archived organisation: read its plans and their audit trail, nothing else. */
const WHILE_ARCHIVED: ReadonlySet<Action> = new Set(['plan:read', 'audit:read']);

/** Whether the user belongs to `organisationId` and it is archived (so only reading is allowed there). */
export function archivedFor(user: CurrentUser | null | undefined, organisationId: number): boolean {
  return membershipsIn(user, organisationId).some((m) => m.organisationArchived === true);
}

// A national reviewer holds a role in hundreds of organisations, and a page asks `can` once per row: each user's
// memberships are indexed by organisation once (the array is never changed after it is loaded).
const membershipIndex = new WeakMap<readonly Membership[], Map<number, Membership[]>>();

/** The user's memberships in one organisation. */
export function membershipsIn(user: CurrentUser | null | undefined, organisationId: number): readonly Membership[] {
  if (!user) return [];
  let index = membershipIndex.get(user.memberships);
  if (!index) {
    index = new Map();
    for (const m of user.memberships) index.set(m.organisationId, [...(index.get(m.organisationId) ?? []), m]);
    membershipIndex.set(user.memberships, index);
  }
  return index.get(organisationId) ?? [];
}

/** What a service-wide admin may do in any organisation, member or not. */
const SERVICE_ADMIN_IN_ANY_ORGANISATION: ReadonlySet<Action> = new Set(['organisation:manage']);

/** What only a service-wide admin does: not about one organisation. */
export type ServiceAction = 'organisations:create' | 'organisations:archive' | 'users:manage';

/** May `user` do `action`, which concerns the whole service? Only service-wide admins may. */
export function canAcrossService(user: CurrentUser | null | undefined, _action: ServiceAction): boolean {
  return user?.serviceAdmin === true;
}

/** The single authorisation check: may `user` do `action` in `organisationId` (on `resource`)? */
export function can(user: CurrentUser | null | undefined, action: Action, organisationId: number, resource: Resource = {}): boolean {
  if (!user) return false;
  if (user.serviceAdmin === true && SERVICE_ADMIN_IN_ANY_ORGANISATION.has(action)) return true;
  return membershipsIn(user, organisationId).some((m) => {
    if (m.organisationArchived === true && !WHILE_ARCHIVED.has(action)) return false;
    const scope = PERMISSIONS[m.role][action];
    if (scope === 'all') return true;
    return scope === 'own' && resource.leadUserId != null && resource.leadUserId === user.id;
  });
}
