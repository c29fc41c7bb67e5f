// Audit events: who changed what, when, with the entity as it was before and after (stored as JSON).
import type { Kysely, Selectable } from 'kysely';
import type { AuditEventsTable, Database } from './schema.ts';
import type { AuditEventRecord } from './records.ts';
import { fromJson, now, toJson } from './column-values.ts';

export interface NewAuditEvent {
  organisationId: number | null;
  userId: number | null;
  entity: string;
  entityId: number | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditQuery {
  entity?: string;
  entityId?: number;
  /** At most this many events (default 200), newest first. */
  limit?: number;
}

function toRecord(row: Selectable<AuditEventsTable>): AuditEventRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    userId: row.user_id,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: fromJson(row.before),
    after: fromJson(row.after),
    at: row.at,
  };
}

export async function recordAudit(db: Kysely<Database>, event: NewAuditEvent): Promise<AuditEventRecord> {
  const row = await db
    .insertInto('audit_events')
    .values({
      organisation_id: event.organisationId,
      user_id: event.userId,
      entity: event.entity,
      entity_id: event.entityId,
      action: event.action,
      before: toJson(event.before),
      after: toJson(event.after),
      at: now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

/** The organisation's audit events, newest first. */
export async function listAuditEvents(db: Kysely<Database>, organisationId: number, query: AuditQuery = {}): Promise<AuditEventRecord[]> {
  let q = db.selectFrom('audit_events').selectAll().where('organisation_id', '=', organisationId);
  if (query.entity !== undefined) q = q.where('entity', '=', query.entity);
  if (query.entityId !== undefined) q = q.where('entity_id', '=', query.entityId);
  const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit ?? 200).execute();
  return rows.map(toRecord);
}
