// Import drafts: a plan read from an uploaded file, kept between the preview and its confirmation so that the
// confirmed plan is exactly the one previewed (and the file need not travel in a hidden field). Each belongs to
// the user who uploaded it and the organisation it is for, and expires. Same on both databases.
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { ref, requiredText } from './columns.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('import_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'integer', ref('organisations'))
    .addColumn('user_id', 'integer', ref('users'))
    // draft: the PlanDraft as JSON.
    .$call(requiredText('file_name', 'format', 'draft', 'created_at', 'expires_at'))
    .execute();
  await db.schema.createIndex('import_drafts_organisation').on('import_drafts').column('organisation_id').execute();
  await db.schema.createIndex('import_drafts_user').on('import_drafts').column('user_id').execute();
  await db.schema.createIndex('import_drafts_expires').on('import_drafts').column('expires_at').execute();
}
