// Organisations: the bodies that run plans. Names are unique (compared after trimming).
import type { Kysely, Selectable } from 'kysely';
import type { Database, OrganisationsTable } from './schema.ts';
import type { OrganisationRecord } from './records.ts';
import { now } from './column-values.ts';

function toRecord(row: Selectable<OrganisationsTable>): OrganisationRecord {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error('An organisation needs a name');
  return trimmed;
}

export async function createOrganisation(db: Kysely<Database>, name: string): Promise<OrganisationRecord> {
  const row = await db
    .insertInto('organisations')
    .values({ name: cleanName(name), created_at: now() })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function getOrganisation(db: Kysely<Database>, id: number): Promise<OrganisationRecord | undefined> {
  const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
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

export async function renameOrganisation(db: Kysely<Database>, id: number, name: string): Promise<OrganisationRecord | undefined> {
  const row = await db
    .updateTable('organisations')
    .set({ name: cleanName(name) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toRecord(row);
}
