// Import attempts: one row per plan file a user uploads (read or refused), so that the number of uploads per
// user in a window can be limited on every instance of the service alike. Rows older than a day are deleted as
// new ones arrive. Same on both databases.
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('import_attempts')
    .$call((table) =>
      dialect === 'postgres'
        ? table.addColumn('id', 'serial', (c) => c.primaryKey())
        : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_attempts_user_time').on('import_attempts').columns(['user_id', 'created_at']).execute();
}
