// Server-side sessions. `id` is the sha256 of the cookie token, so a copy of this table cannot sign anyone in.
import type { Kysely, Selectable } from 'kysely';
import type { Database, SessionsTable } from './schema.ts';

export interface SessionRecord {
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  userAgent?: string | null;
}

export async function insertSession(db: Kysely<Database>, session: SessionRecord): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
      user_agent: session.userAgent ?? null,
    })
    .execute();
}

export async function findSession(db: Kysely<Database>, id: string): Promise<SessionRecord | undefined> {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return toRecord(row);
}

function toRecord(row: Selectable<SessionsTable>): SessionRecord {
  return {
    id: row.id, userId: row.user_id, csrfToken: row.csrf_token, createdAt: row.created_at, expiresAt: row.expires_at,
    userAgent: row.user_agent,
  };
}

/** The user's sessions that have not expired by `now`, newest first. */
export async function listUserSessions(db: Kysely<Database>, userId: number, now: string): Promise<SessionRecord[]> {
  const rows = await db.selectFrom('sessions').selectAll().where('user_id', '=', userId).where('expires_at', '>', now)
    .orderBy('created_at', 'desc').execute();
  return rows.map(toRecord);
}

/** Ends every session of the user except `keepId` (when given); returns how many ended. */
export async function deleteUserSessions(db: Kysely<Database>, userId: number, keepId?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId !== undefined) query = query.where('id', '!=', keepId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function updateSessionExpiry(db: Kysely<Database>, id: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Removes sessions that expired before `now` (ISO timestamp); returns how many. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
