// Calendar feeds and reminder digests.
// - calendar_feeds: a user's secret calendar address. Only sha256(token) is stored, so the database never holds
//   a working address; deleting the row revokes it.
// - reminder_digests: one row per person per day, claimed before the e-mail is sent (the primary key makes a
//   second claim for the same day fail) and marked sent once the SMTP server accepted it.
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { optionalText, ref, requiredText, withId } from './columns.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('calendar_feeds'), dialect)
    .addColumn('user_id', 'integer', ref('users'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .$call(requiredText('created_at'))
    .execute();
  await db.schema.createIndex('calendar_feeds_user').on('calendar_feeds').column('user_id').execute();

  await db.schema
    .createTable('reminder_digests')
    .addColumn('user_id', 'integer', ref('users'))
    .$call(requiredText('day', 'email', 'status'))
    .addColumn('items', 'integer', (c) => c.notNull())
    .$call(requiredText('claimed_at'))
    .$call(optionalText('sent_at', 'message_id'))
    .addPrimaryKeyConstraint('reminder_digests_pk', ['user_id', 'day'])
    .execute();
}
