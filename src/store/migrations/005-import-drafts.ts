// Import drafts: a plan read from an uploaded file, kept between the preview and its confirmation so that the
// confirmed plan is exactly the one previewed (and the file need not travel in a hidden field). Each belongs to
// the user who uploaded it and the organisation it is for, and expires. Same on both databases.
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('import_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    /** The PlanDraft as JSON. */
    .addColumn('draft', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_drafts_organisation').on('import_drafts').column('organisation_id').execute();
  await db.schema.createIndex('import_drafts_user').on('import_drafts').column('user_id').execute();
  await db.schema.createIndex('import_drafts_expires').on('import_drafts').column('expires_at').execute();
}
