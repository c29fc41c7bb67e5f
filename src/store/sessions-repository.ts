// Server-side sessions. `id` is the sha256 of the cookie token, so a copy of this table cannot sign anyone in.
import { CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { Database, SessionsTable } from './schema.ts';
import { prepareOnPostgres } from './database.ts';

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

/** The session-and-version query, compiled once per database: it runs on every signed-in request. */
const compiledResume = new WeakMap<Kysely<Database>, CompiledQuery>();
const ID_MARK = '\u0000session id';

function resumeQuery(db: Kysely<Database>): CompiledQuery {
  let compiled = compiledResume.get(db);
  if (!compiled) {
    compiled = db
      .selectFrom(['sessions', 'content_version'])
      .selectAll('sessions')
      .select('content_version.version as contentVersion')
      .where('sessions.id', '=', ID_MARK)
      .where('content_version.id', '=', 1)
      .compile();
    compiledResume.set(db, compiled);
    prepareOnPostgres(compiled.sql);
  }
  return compiled;
}

type ResumeRow = Selectable<SessionsTable> & { contentVersion: number | string };

/**
 * The session and, in the same query, the content version (store/content-version.ts): the one query a signed-in
 * request needs when the user and the page are already in memory.
 */
export async function findSessionAtVersion(db: Kysely<Database>, id: string): Promise<{ session: SessionRecord; contentVersion: number } | undefined> {
  const query = resumeQuery(db);
  const parameters = query.parameters.map((p) => (p === ID_MARK ? id : p));
  const [row] = (await db.executeQuery<ResumeRow>(CompiledQuery.raw(query.sql, parameters))).rows;
  if (!row) return undefined;
  const { contentVersion, ...session } = row;
  return { session: toRecord(session), contentVersion: Number(contentVersion) };
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
