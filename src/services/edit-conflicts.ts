// No lost updates. An edit form carries the version of what it showed (`readVersion`); saving compares it with
// what is stored now, inside the saving transaction, and refuses a stale save with EditConflictError carrying
// the stored version, so the page can show both and keep what was typed. On PostgreSQL the row being changed
// (or the row that owns it) is locked first (SELECT … FOR UPDATE), so two saves at once are taken one after the
// other and the second sees the first; SQLite runs write transactions one at a time already.
import { createHash } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

export class EditConflictError<T = unknown> extends Error {
  constructor(readonly current: T) {
    super('Someone else saved a change after this form was opened');
  }
}

export type LockableTable = 'plans' | 'commitments' | 'milestones' | 'kpis' | 'monitoring_items' | 'review_periods';

/** Locks the row until the transaction ends (PostgreSQL); SQLite's write transactions are serial already. */
export async function lockRow(trx: Kysely<Database>, table: LockableTable, id: number): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select id from ${sql.table(table)} where id = ${id} for update`.execute(trx);
}

/** The version of a review update as a form carries it: "new" when there is none yet. */
export function updateStamp(update: { id: number; version: number; updatedAt: string } | null | undefined): string {
  return update ? `${update.id}.${update.version}.${update.updatedAt}` : 'new';
}

/** Throws EditConflictError(current) when the form was read at another version than `stamp` (when it says). */
export function requireFresh<T>(readVersion: string | undefined, stamp: string, current: T): void {
  if (readVersion !== undefined && readVersion !== '' && readVersion !== stamp) throw new EditConflictError(current);
}

/** The version of a record as an edit form carries it: a digest of everything in it as read. */
export function contentVersion(record: unknown): string {
  return createHash('sha256').update(JSON.stringify(record ?? null)).digest('base64url').slice(0, 32);
}

/** Who saved the change a form conflicts with, and when, for the conflict page. */
export interface LastSave {
  who: string | undefined;
  at: string | null;
}

/**
 * `saved` when the stored row says who saved it; otherwise the latest audit event of `audited` (the entity and id)
 * says who and when.
 */
export async function lastSave(
  db: Kysely<Database>,
  saved: { by: number | null; at: string | null } | null,
  audited?: { entity: string; id: number },
): Promise<LastSave> {
  if (saved?.by != null) {
    const who = (await db.selectFrom('users').select('name').where('id', '=', saved.by).executeTakeFirst())?.name;
    return { who, at: saved.at };
  }
  if (audited) {
    const last = await db.selectFrom('audit_events').select(['user_name', 'at'])
      .where('entity', '=', audited.entity).where('entity_id', '=', audited.id).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return { who: last?.user_name ?? undefined, at: last?.at ?? null };
  }
  return { who: undefined, at: saved?.at ?? null };
}
