// API tokens as stored: the hash of the token, never the token, with whose it is, for which organisation and role.
import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../domain/types.ts';
import { ROLES } from '../domain/types.ts';
import type { ApiTokensTable, Database } from './schema.ts';
import { oneOf } from './column-values.ts';
import { tableRows } from './table-rows.ts';

export interface ApiTokenRecord {
  id: number;
  userId: number;
  organisationId: number;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface NewApiToken {
  userId: number;
  organisationId: number;
  name: string;
  role: Role;
  tokenHash: string;
  createdAt: string;
}

function toRecord(row: Selectable<ApiTokensTable>): ApiTokenRecord {
  return {
    id: row.id,
    userId: row.user_id,
    organisationId: row.organisation_id,
    name: row.name,
    role: oneOf(ROLES, row.role, 'api_tokens.role'),
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

const tokenRows = tableRows('api_tokens', toRecord);

export async function insertApiToken(db: Kysely<Database>, token: NewApiToken): Promise<ApiTokenRecord> {
  return tokenRows.insert(db, {
    user_id: token.userId,
    organisation_id: token.organisationId,
    name: token.name,
    role: token.role,
    token_hash: token.tokenHash,
    created_at: token.createdAt,
  });
}

/** The token with this hash, revoked or not. */
export async function findApiTokenByHash(db: Kysely<Database>, tokenHash: string): Promise<ApiTokenRecord | undefined> {
  const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row && toRecord(row);
}

export async function getApiToken(db: Kysely<Database>, id: number): Promise<ApiTokenRecord | undefined> {
  return tokenRows.byId(db, id);
}

/** The user's tokens, newest first. */
export async function listUserApiTokens(db: Kysely<Database>, userId: number): Promise<ApiTokenRecord[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').execute();
  return rows.map(toRecord);
}

export async function markApiTokenUsed(db: Kysely<Database>, id: number, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Revokes the token if it is not revoked yet; returns it as it is now (undefined when there is none). */
export async function revokeApiToken(db: Kysely<Database>, id: number, at: string): Promise<ApiTokenRecord | undefined> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  return getApiToken(db, id);
}
