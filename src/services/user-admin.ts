// The members of an organisation, managed by its admins (or a service-wide admin): who they are, their roles and
// the commitments they lead; adding someone by e-mail (an invitation when they have no account), changing a role,
// removing someone (their audit history stays: events keep the name and address they were made under); and, for
// service-wide admins, disabling and re-enabling a user, which ends their sessions at once. Every change is an
// audit event. An organisation always keeps at least one admin who can sign in.
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Role } from '../domain/types.ts';
import { ROLES } from '../domain/types.ts';
import type { Database } from '../store/schema.ts';
import { inTransaction } from '../store/transaction.ts';
import { listAuditEvents, recordAudit, type AuditEvent } from '../store/audit-repository.ts';
import { getOrganisationSettings, type OrganisationSettings } from '../store/organisations-repository.ts';
import {
  activeAdminIds, addMembership, commitmentsLedIn, listOrganisationMembers, removeMemberships, replaceMembership,
  type LedCommitment, type Member,
} from '../store/memberships-repository.ts';
import { findUserByEmail, getUser, listUsers, normaliseEmail, setDisabled, setServiceAdmin } from '../store/users-repository.ts';
import { deleteUserSessions } from '../store/sessions-repository.ts';
import { openInvitationsOf, revokeInvitation, type InvitationRecord } from '../store/one-time-links-repository.ts';
import { can, canAcrossService, type CurrentUser } from './accounts.ts';
import { invite } from './invitations.ts';

type Db = Kysely<Database>;

export type Refusal = { ok: false; status: 404 | 403 };
export type Problem = { ok: false; problems: { field: string; message: string }[] };

/** The organisation, when `actor` may manage its members: 404 when they may not know it exists, 403 when they may. */
export async function managedOrganisation(db: Db, actor: CurrentUser, organisationId: number): Promise<{ ok: true; organisation: OrganisationSettings } | Refusal> {
  const organisation = await getOrganisationSettings(db, organisationId);
  if (!organisation) return { ok: false, status: 404 };
  if (can(actor, 'organisation:manage', organisation.id)) return { ok: true, organisation };
  return { ok: false, status: can(actor, 'plan:read', organisation.id) ? 403 : 404 };
}

export interface MemberView extends Member {
  disabled: boolean;
  leads: LedCommitment[];
}

export interface MembersPage {
  organisation: OrganisationSettings;
  members: MemberView[];
  invitations: InvitationRecord[];
  history: AuditEvent[];
}

const PEOPLE_ENTITIES = ['membership', 'invitation', 'organisation'];

export async function membersPage(db: Db, organisation: OrganisationSettings, now: Date): Promise<MembersPage> {
  const [members, leads, invitations, users] = await Promise.all([
    listOrganisationMembers(db, organisation.id),
    commitmentsLedIn(db, organisation.id),
    openInvitationsOf(db, organisation.id, now.toISOString()),
    listUsers(db),
  ]);
  const disabled = new Set(users.filter((u) => u.disabled_at !== null).map((u) => u.id));
  const history = (await Promise.all(PEOPLE_ENTITIES.map((entity) => listAuditEvents(db, organisation.id, { entity, limit: 50 }))))
    .flat().sort((a, b) => b.seq - a.seq).slice(0, 50);
  return {
    organisation,
    members: members.map((m) => ({ ...m, disabled: disabled.has(m.userId), leads: leads.filter((l) => l.userId === m.userId) })),
    invitations,
    history,
  };
}

export function asRole(value: string | undefined): Role | undefined {
  return ROLES.find((r) => r === value);
}

export type AddOutcome =
  | { ok: true; kind: 'added'; name: string }
  | { ok: true; kind: 'invited'; mailProblem: string | null }
  | Problem;

/** Adds the address with the role: at once when it has an account, else by an e-mailed invitation. */
export async function addMember(
  db: Db, config: Config, actor: CurrentUser, organisation: OrganisationSettings, input: { email: string; role: Role }, now: Date,
): Promise<AddOutcome> {
  const email = normaliseEmail(input.email);
  const existing = await findUserByEmail(db, email);
  if (existing) {
    const members = await listOrganisationMembers(db, organisation.id);
    if (members.some((m) => m.userId === existing.id)) {
      return { ok: false, problems: [{ field: 'email', message: `${existing.name} is already a member: change their role instead` }] };
    }
    await inTransaction(db, async (trx) => {
      await addMembership(trx, existing.id, organisation.id, input.role);
      await recordAudit(trx, {
        organisationId: organisation.id, userId: actor.id, entity: 'membership', entityId: existing.id, action: 'added',
        after: { email: existing.email, name: existing.name, role: input.role },
      });
    });
    return { ok: true, kind: 'added', name: existing.name };
  }
  const sent = await invite(db, config, actor, { organisationId: organisation.id, organisationName: organisation.name, email, role: input.role }, now);
  return { ok: true, kind: 'invited', mailProblem: sent.mailProblem };
}

export async function memberOf(db: Db, organisationId: number, userId: number): Promise<Member | undefined> {
  return (await listOrganisationMembers(db, organisationId)).find((m) => m.userId === userId);
}

const LAST_ADMIN = 'This is the organisation’s last admin: make someone else an admin first';

export type ChangeOutcome = { ok: true; member: Member } | { ok: false; reason: 'not-member' | 'last-admin' };

export async function changeRole(db: Db, actor: CurrentUser | null, organisationId: number, userId: number, role: Role): Promise<ChangeOutcome> {
  return inTransaction(db, async (trx) => {
    const member = await memberOf(trx, organisationId, userId);
    if (!member) return { ok: false, reason: 'not-member' } as const;
    if (member.roles.includes('admin') && role !== 'admin' && (await isLastAdmin(trx, organisationId, userId))) {
      return { ok: false, reason: 'last-admin' } as const;
    }
    await replaceMembership(trx, userId, organisationId, role);
    await recordAudit(trx, {
      organisationId, userId: actor?.id ?? null, userEmail: actor ? undefined : 'command line', entity: 'membership', entityId: userId, action: 'role-changed',
      before: { email: member.email, name: member.name, roles: member.roles }, after: { email: member.email, name: member.name, roles: [role] },
    });
    return { ok: true, member } as const;
  });
}

async function isLastAdmin(db: Db, organisationId: number, userId: number): Promise<boolean> {
  const admins = await activeAdminIds(db, organisationId);
  return admins.length <= 1 && admins.includes(userId);
}

export async function removeMember(db: Db, actor: CurrentUser, organisationId: number, userId: number): Promise<ChangeOutcome> {
  return inTransaction(db, async (trx) => {
    const member = await memberOf(trx, organisationId, userId);
    if (!member) return { ok: false, reason: 'not-member' } as const;
    if (member.roles.includes('admin') && (await isLastAdmin(trx, organisationId, userId))) return { ok: false, reason: 'last-admin' } as const;
    await removeMemberships(trx, userId, organisationId);
    await recordAudit(trx, {
      organisationId, userId: actor.id, entity: 'membership', entityId: userId, action: 'removed',
      before: { email: member.email, name: member.name, roles: member.roles },
    });
    return { ok: true, member } as const;
  });
}

export const LAST_ADMIN_MESSAGE = LAST_ADMIN;

export async function cancelInvitation(db: Db, actor: CurrentUser, organisationId: number, invitationId: number, now: Date): Promise<boolean> {
  const open = await openInvitationsOf(db, organisationId, now.toISOString());
  const invitation = open.find((i) => i.id === invitationId);
  if (!invitation || !(await revokeInvitation(db, invitation.id, now.toISOString()))) return false;
  await recordAudit(db, {
    organisationId, userId: actor.id, entity: 'invitation', entityId: invitation.id, action: 'revoked', before: { email: invitation.email, role: invitation.role },
  });
  return true;
}

// ---- service-wide: users ----------------------------------------------------------------------------------

export interface UserSummary {
  id: number;
  email: string;
  name: string;
  disabled: boolean;
  serviceAdmin: boolean;
}

export async function listAllUsers(db: Db, actor: CurrentUser): Promise<UserSummary[] | null> {
  if (!canAcrossService(actor, 'users:manage')) return null;
  return (await listUsers(db)).map((u) => ({ id: u.id, email: u.email, name: u.name, disabled: u.disabled_at !== null, serviceAdmin: u.service_admin === 1 }));
}

export type LifecycleOutcome = { ok: true; user: UserSummary } | { ok: false; reason: 'forbidden' | 'not-found' | 'yourself' | 'last-admin' };

/**
 * Disables (or re-enables) a user: a disabled user's sessions end at once and their API tokens stop working;
 * their memberships and history stay, so re-enabling gives everything back. `actor` null: the command line.
 */
export async function setUserDisabled(db: Db, actor: CurrentUser | null, userId: number, disabled: boolean, now: Date): Promise<LifecycleOutcome> {
  if (actor && !canAcrossService(actor, 'users:manage')) return { ok: false, reason: 'forbidden' };
  if (actor && actor.id === userId && disabled) return { ok: false, reason: 'yourself' };
  return inTransaction(db, async (trx) => {
    const user = await getUser(trx, userId);
    if (!user) return { ok: false, reason: 'not-found' } as const;
    if (disabled) {
      const memberships = await trx.selectFrom('memberships').select('organisation_id').where('user_id', '=', userId).where('role', '=', 'admin').execute();
      for (const m of memberships) if (await isLastAdmin(trx, m.organisation_id, userId)) return { ok: false, reason: 'last-admin' } as const;
    }
    await setDisabled(trx, userId, disabled ? now.toISOString() : null);
    const ended = disabled ? await deleteUserSessions(trx, userId) : 0;
    await recordAudit(trx, {
      organisationId: null, userId: actor?.id ?? null, userEmail: actor ? undefined : 'command line', entity: 'user', entityId: userId,
      action: disabled ? 'disabled' : 're-enabled', after: { email: user.email, name: user.name, sessionsEnded: ended },
    });
    return { ok: true, user: { id: user.id, email: user.email, name: user.name, disabled, serviceAdmin: user.service_admin === 1 } } as const;
  });
}

/** Makes the user a service-wide admin, or not (the command line only). */
export async function setUserServiceAdmin(db: Db, userId: number, serviceAdmin: boolean): Promise<void> {
  await setServiceAdmin(db, userId, serviceAdmin);
  await recordAudit(db, {
    organisationId: null, userId: null, userEmail: 'command line', entity: 'user', entityId: userId,
    action: serviceAdmin ? 'made-service-admin' : 'no-longer-service-admin',
  });
}
