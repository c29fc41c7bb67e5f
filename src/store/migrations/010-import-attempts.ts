// Import attempts: one row per plan file a user uploads (read or refused), so that the number of uploads per
// user in a window can be limited on every instance of the service alike. Rows older than a day are deleted as
// new ones arrive. Same on both databases.
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { ref, requiredText, withId } from './columns.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('import_attempts'), dialect)
    .addColumn('user_id', 'integer', ref('users'))
    .$call(requiredText('created_at'))
    .execute();
  await db.schema.createIndex('import_attempts_user_time').on('import_attempts').columns(['user_id', 'created_at']).execute();
}
