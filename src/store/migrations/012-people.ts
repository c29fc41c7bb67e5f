// People and access: users can be disabled (history kept) and be service-wide admins; organisations can be
// archived and set to sign in with single sign-on only; sessions remember the browser they began in; one-time
// links for invitations and password resets (only sha256(token) is kept, like sessions); and the state of a single
// sign-on round trip (PKCE verifier, nonce) while the browser is away at the provider.
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { optRef, optionalText, ref, requiredText, withId } from './columns.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('service_admin', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('organisations').addColumn('archived_at', 'text').execute();
  await db.schema.alterTable('organisations').addColumn('sso_only', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();

  await withId(db.schema.createTable('invitations'), dialect)
    .addColumn('organisation_id', 'integer', ref('organisations'))
    .$call(requiredText('email', 'role'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'integer', optRef('users'))
    .$call(requiredText('created_at', 'expires_at'))
    .$call(optionalText('accepted_at', 'revoked_at'))
    .execute();
  await db.schema.createIndex('invitations_email').on('invitations').column('email').execute();
  await db.schema.createIndex('invitations_organisation').on('invitations').column('organisation_id').execute();

  await withId(db.schema.createTable('password_resets'), dialect)
    .addColumn('user_id', 'integer', ref('users'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .$call(requiredText('created_at', 'expires_at'))
    .$call(optionalText('used_at'))
    .execute();
  await db.schema.createIndex('password_resets_user').on('password_resets').column('user_id').execute();

  await db.schema
    .createTable('sso_requests')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .$call(requiredText('code_verifier', 'nonce', 'return_to', 'created_at'))
    .execute();
}
