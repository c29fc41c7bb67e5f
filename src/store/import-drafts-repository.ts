// Import drafts: plans read from uploaded files, waiting for their owner to confirm them (see migration 005).
// The table is declared here with `withTables`, beside the only code that uses it.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface ImportDraftsTable {
  id: string;
  organisation_id: number;
  user_id: number;
  file_name: string;
  format: string;
  /** The PlanDraft as JSON. */
  draft: string;
  created_at: string;
  expires_at: string;
}

export interface ImportDraftRow {
  id: string;
  organisationId: number;
  userId: number;
  fileName: string;
  format: string;
  draftJson: string;
  createdAt: string;
  expiresAt: string;
}

/** Whose draft it is: a draft is only ever found by its id together with its user and organisation. */
export interface ImportDraftKey {
  id: string;
  userId: number;
  organisationId: number;
}

function drafts(db: Kysely<Database>) {
  return db.withTables<{ import_drafts: ImportDraftsTable }>();
}

function toRow(r: ImportDraftsTable): ImportDraftRow {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    userId: r.user_id,
    fileName: r.file_name,
    format: r.format,
    draftJson: r.draft,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  };
}

export async function insertImportDraft(db: Kysely<Database>, row: ImportDraftRow): Promise<void> {
  await drafts(db)
    .insertInto('import_drafts')
    .values({
      id: row.id,
      organisation_id: row.organisationId,
      user_id: row.userId,
      file_name: row.fileName,
      format: row.format,
      draft: row.draftJson,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** The draft if it exists, belongs to the key's user and organisation and has not expired at `now` (ISO). */
export async function findImportDraft(db: Kysely<Database>, key: ImportDraftKey, now: string): Promise<ImportDraftRow | undefined> {
  const row = await drafts(db)
    .selectFrom('import_drafts')
    .selectAll()
    .where('id', '=', key.id)
    .where('user_id', '=', key.userId)
    .where('organisation_id', '=', key.organisationId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/**
 * Deletes the draft and returns it, under the same conditions as findImportDraft. Of two requests taking the
 * same draft at once, only one gets it.
 */
export async function takeImportDraft(db: Kysely<Database>, key: ImportDraftKey, now: string): Promise<ImportDraftRow | undefined> {
  const row = await drafts(db)
    .deleteFrom('import_drafts')
    .where('id', '=', key.id)
    .where('user_id', '=', key.userId)
    .where('organisation_id', '=', key.organisationId)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/** Removes drafts that expired before `now` (ISO timestamp); returns how many. */
export async function deleteExpiredImportDrafts(db: Kysely<Database>, now: string): Promise<number> {
  const result = await drafts(db).deleteFrom('import_drafts').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
