// Organisations: the bodies that run plans. Names are unique (compared after trimming).
import type { Kysely, Selectable } from 'kysely';
import type { Database, OrganisationsTable } from './schema.ts';
import type { OrganisationRecord } from './records.ts';
import { now } from './column-values.ts';
import { tableRows } from './table-rows.ts';

function toRecord(row: Selectable<OrganisationsTable>): OrganisationRecord {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error('An organisation needs a name');
  return trimmed;
}

const organisationRows = tableRows('organisations', toRecord);

export async function createOrganisation(db: Kysely<Database>, name: string): Promise<OrganisationRecord> {
  return organisationRows.insert(db, { name: cleanName(name), created_at: now() });
}

export async function getOrganisation(db: Kysely<Database>, id: number): Promise<OrganisationRecord | undefined> {
  return organisationRows.byId(db, id);
}

export async function findOrganisationByName(db: Kysely<Database>, name: string): Promise<OrganisationRecord | undefined> {
  const row = await db.selectFrom('organisations').selectAll().where('name', '=', name.trim()).executeTakeFirst();
  return row && toRecord(row);
}

/** The organisation of that name, created when there is none (safe when two callers race). */
export async function findOrCreateOrganisation(db: Kysely<Database>, name: string): Promise<OrganisationRecord> {
  const clean = cleanName(name);
  await db
    .insertInto('organisations')
    .values({ name: clean, created_at: now() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const found = await findOrganisationByName(db, clean);
  if (!found) throw new Error(`Organisation "${clean}" could not be created`);
  return found;
}

export async function listOrganisations(db: Kysely<Database>): Promise<OrganisationRecord[]> {
  const rows = await db.selectFrom('organisations').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toRecord);
}

/** An organisation with what only its administration needs. */
export interface OrganisationSettings extends OrganisationRecord {
  archivedAt: string | null;
  ssoOnly: boolean;
}

function toSettings(row: Selectable<OrganisationsTable>): OrganisationSettings {
  return { ...toRecord(row), archivedAt: row.archived_at, ssoOnly: row.sso_only === 1 };
}

const settingsRows = tableRows('organisations', toSettings);

export function getOrganisationSettings(db: Kysely<Database>, id: number): Promise<OrganisationSettings | undefined> {
  return settingsRows.byId(db, id);
}

export async function listOrganisationSettings(db: Kysely<Database>, ids?: number[]): Promise<OrganisationSettings[]> {
  if (ids && ids.length === 0) return [];
  let query = db.selectFrom('organisations').selectAll().orderBy('name').orderBy('id');
  if (ids) query = query.where('id', 'in', ids);
  return (await query.execute()).map(toSettings);
}

export async function setOrganisationArchived(db: Kysely<Database>, id: number, archivedAt: string | null): Promise<void> {
  await db.updateTable('organisations').set({ archived_at: archivedAt }).where('id', '=', id).execute();
}

export async function setOrganisationSsoOnly(db: Kysely<Database>, id: number, ssoOnly: boolean): Promise<void> {
  await db.updateTable('organisations').set({ sso_only: ssoOnly ? 1 : 0 }).where('id', '=', id).execute();
}

/** Whether any organisation the user belongs to asks its members to sign in with single sign-on only. */
export async function userNeedsSso(db: Kysely<Database>, userId: number): Promise<boolean> {
  const row = await db.selectFrom('memberships').innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select('organisations.id').where('memberships.user_id', '=', userId).where('organisations.sso_only', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function renameOrganisation(db: Kysely<Database>, id: number, name: string): Promise<OrganisationRecord | undefined> {
  const row = await db
    .updateTable('organisations')
    .set({ name: cleanName(name) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toRecord(row);
}
