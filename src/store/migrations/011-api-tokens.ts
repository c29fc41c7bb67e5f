// API tokens: a signed-in user makes one for a script or another system to call the JSON API as them, in one of
// their organisations and with a role no higher than theirs there. Only sha256(token) is kept, like sessions; a
// revoked token keeps its row (revoked_at set) so the account page and the audit trail can still name it.
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { optionalText, ref, requiredText, withId } from './columns.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('api_tokens'), dialect)
    .addColumn('user_id', 'integer', ref('users'))
    .addColumn('organisation_id', 'integer', ref('organisations'))
    .$call(requiredText('name', 'role'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .$call(requiredText('created_at'))
    .$call(optionalText('last_used_at', 'revoked_at'))
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();
}
