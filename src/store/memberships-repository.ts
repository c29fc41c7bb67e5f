// Memberships: which role a user holds in which organisation (a user may hold several).
import type { Kysely } from 'kysely';
import type { Role } from '../domain/types.ts';
import { ROLES } from '../domain/types.ts';
import type { Database } from './schema.ts';

export interface Membership {
  userId: number;
  organisationId: number;
  organisationName: string;
  role: Role;
  /** The organisation is archived: its plans can be read, not changed (services/accounts.ts `can`). */
  organisationArchived?: boolean;
}

function asRole(value: string): Role {
  const role = ROLES.find((r) => r === value);
  if (!role) throw new Error(`Unknown role "${value}" in memberships`);
  return role;
}

/** Adds the membership; does nothing when the user already holds that role in that organisation. */
export async function addMembership(db: Kysely<Database>, userId: number, organisationId: number, role: Role): Promise<void> {
  const existing = await db
    .selectFrom('memberships')
    .select('role')
    .where('user_id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .where('role', '=', role)
    .executeTakeFirst();
  if (existing) return;
  await db.insertInto('memberships').values({ user_id: userId, organisation_id: organisationId, role }).execute();
}

/** The memberships of the given users (all users when `userIds` is omitted), with organisation names. */
export async function listMemberships(db: Kysely<Database>, userIds?: number[]): Promise<Membership[]> {
  let query = db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'memberships.user_id as userId',
      'memberships.organisation_id as organisationId',
      'organisations.name as organisationName',
      'memberships.role as role',
      'organisations.archived_at as archivedAt',
    ])
    .orderBy('organisations.name')
    .orderBy('memberships.role');
  if (userIds) {
    if (userIds.length === 0) return [];
    query = query.where('memberships.user_id', 'in', userIds);
  }
  const rows = await query.execute();
  return rows.map(({ archivedAt, ...r }) => ({ ...r, role: asRole(r.role), organisationArchived: archivedAt !== null }));
}

export interface Member {
  userId: number;
  name: string;
  email: string;
  roles: Role[];
}

/** The people who hold any role in the organisation, by name, each once with all their roles there. */
export async function listOrganisationMembers(db: Kysely<Database>, organisationId: number): Promise<Member[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as userId', 'users.name as name', 'users.email as email', 'memberships.role as role'])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy('users.name')
    .orderBy('users.id')
    .orderBy('memberships.role')
    .execute();
  const members = new Map<number, Member>();
  for (const r of rows) {
    const member = members.get(r.userId) ?? { userId: r.userId, name: r.name, email: r.email, roles: [] };
    member.roles.push(asRole(r.role));
    members.set(r.userId, member);
  }
  return [...members.values()];
}

/** Gives the user exactly `role` in the organisation, in place of whatever roles they held there. */
export async function replaceMembership(db: Kysely<Database>, userId: number, organisationId: number, role: Role): Promise<void> {
  await db.deleteFrom('memberships').where('user_id', '=', userId).where('organisation_id', '=', organisationId).execute();
  await db.insertInto('memberships').values({ user_id: userId, organisation_id: organisationId, role }).execute();
}

/** Takes every role the user holds in the organisation away; returns how many were held. */
export async function removeMemberships(db: Kysely<Database>, userId: number, organisationId: number): Promise<number> {
  const result = await db.deleteFrom('memberships').where('user_id', '=', userId).where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The users, not disabled, who are admins of the organisation. */
export async function activeAdminIds(db: Kysely<Database>, organisationId: number): Promise<number[]> {
  const rows = await db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.id').where('memberships.organisation_id', '=', organisationId).where('memberships.role', '=', 'admin')
    .where('users.disabled_at', 'is', null).execute();
  return [...new Set(rows.map((r) => r.id))];
}

export interface LedCommitment {
  userId: number;
  commitmentId: number;
  number: number;
  title: string;
  planId: number;
  planTitle: string;
}

/** The commitments each person leads in the organisation's plans. */
export async function commitmentsLedIn(db: Kysely<Database>, organisationId: number): Promise<LedCommitment[]> {
  const rows = await db.selectFrom('commitments').innerJoin('plans', 'plans.id', 'commitments.plan_id')
    .select(['commitments.lead_user_id as userId', 'commitments.id as commitmentId', 'commitments.number as number',
      'commitments.title as title', 'plans.id as planId', 'plans.title as planTitle'])
    .where('plans.organisation_id', '=', organisationId).where('commitments.lead_user_id', 'is not', null)
    .orderBy('plans.title').orderBy('commitments.number').execute();
  return rows.flatMap((r) => (r.userId === null ? [] : [{ ...r, userId: r.userId }]));
}
