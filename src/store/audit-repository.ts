// Audit events: who changed what, when, with the entity as it was before and after (stored as JSON). Events are
// append-only and hash-chained (see audit-chain.ts); the person's name and e-mail and the organisation's name are
// kept as they were at the time, so deleting a user or organisation changes nothing here.
import { PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely';
import type { AuditEventsTable, Database } from './schema.ts';
import type { AuditEventRecord } from './records.ts';
import { fromJson, now, toJson } from './column-values.ts';
import { inTransaction } from './transaction.ts';
import { chainedRow, checkChain, GENESIS_HASH, type ChainCheck, type ChainedContent, type ChainedEvent } from './audit-chain.ts';

type Db = Kysely<Database>;

export interface NewAuditEvent {
  organisationId: number | null;
  userId: number | null;
  entity: string;
  entityId: number | null;
  action: string;
  before?: unknown;
  after?: unknown;
  /** The plan the event is about; found from the entity when not given. */
  planId?: number | null;
  /** Who, when there is no user id (e.g. the address typed at a failed sign-in). */
  userEmail?: string | null;
}

export interface AuditEvent extends AuditEventRecord {
  seq: number;
  planId: number | null;
  organisationName: string | null;
  userName: string | null;
  userEmail: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditQuery {
  entity?: string;
  entityId?: number;
  planId?: number;
  userId?: number;
  /** Events on or after this day (YYYY-MM-DD). */
  fromDay?: string;
  /** Events on or before this day (YYYY-MM-DD). */
  toDay?: string;
  /** At most this many events (default 200), newest first. */
  limit?: number;
}

function toRecord(row: Selectable<AuditEventsTable>): AuditEvent {
  return {
    id: row.id,
    seq: row.seq,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    planId: row.plan_id,
    userId: row.user_id,
    userName: row.user_name,
    userEmail: row.user_email,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: fromJson(row.before),
    after: fromJson(row.after),
    at: row.at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function numberField(value: unknown, field: string): number | null {
  if (value && typeof value === 'object' && field in value) {
    const n = (value as Record<string, unknown>)[field];
    if (typeof n === 'number' && Number.isInteger(n)) return n;
  }
  return null;
}

async function planOfCommitment(db: Db, commitmentId: number | null): Promise<number | null> {
  if (commitmentId === null) return null;
  const row = await db.selectFrom('commitments').select('plan_id').where('id', '=', commitmentId).executeTakeFirst();
  return row?.plan_id ?? null;
}

/** The tables of the entities that belong to a commitment. */
const COMMITMENT_PARTS = {
  milestone: 'milestones',
  kpi: 'kpis',
  'monitoring-item': 'monitoring_items',
  'progress-update': 'progress_updates',
} as const;

/** The plan an event is about, from what it says or from where the entity lives. Null when none is found. */
async function planIdOf(db: Db, event: NewAuditEvent): Promise<number | null> {
  if (event.planId !== undefined) return event.planId;
  if (event.entity === 'plan') return event.entityId;
  for (const state of [event.after, event.before]) {
    const planId = numberField(state, 'planId');
    if (planId !== null) return planId;
    const viaCommitment = await planOfCommitment(db, numberField(state, 'commitmentId'));
    if (viaCommitment !== null) return viaCommitment;
  }
  const id = event.entityId;
  if (id === null) return null;
  switch (event.entity) {
    case 'commitment':
      return planOfCommitment(db, id);
    case 'milestone':
    case 'kpi':
    case 'monitoring-item':
    case 'progress-update': {
      const row = await db.selectFrom(COMMITMENT_PARTS[event.entity]).select('commitment_id').where('id', '=', id).executeTakeFirst();
      return planOfCommitment(db, row?.commitment_id ?? null);
    }
    case 'evidence': {
      const row = await db.selectFrom('evidence')
        .leftJoin('milestones', 'milestones.id', 'evidence.milestone_id')
        .leftJoin('monitoring_items', 'monitoring_items.id', 'evidence.monitoring_item_id')
        .select(['milestones.commitment_id as viaMilestone', 'monitoring_items.commitment_id as viaItem'])
        .where('evidence.id', '=', id).executeTakeFirst();
      return planOfCommitment(db, row?.viaMilestone ?? row?.viaItem ?? null);
    }
    case 'review-period': {
      const row = await db.selectFrom('review_periods').select('plan_id').where('id', '=', id).executeTakeFirst();
      return row?.plan_id ?? null;
    }
    default:
      return null;
  }
}

/** Appends one event to the chain, in the caller's transaction (or a new one). */
export function recordAudit(db: Db, event: NewAuditEvent): Promise<AuditEvent> {
  return inTransaction(db, async (trx) => {
    // One writer at a time appends to the chain (SQLite writes are serial already).
    if (trx.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`lock table audit_events in share row exclusive mode`.execute(trx);
    }
    const last = await trx.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const user = event.userId === null
      ? undefined
      : await trx.selectFrom('users').select(['name', 'email']).where('id', '=', event.userId).executeTakeFirst();
    const organisation = event.organisationId === null
      ? undefined
      : await trx.selectFrom('organisations').select('name').where('id', '=', event.organisationId).executeTakeFirst();
    const content: ChainedContent = {
      seq: (last?.seq ?? 0) + 1,
      at: now(),
      organisationId: event.organisationId,
      organisationName: organisation?.name ?? null,
      planId: await planIdOf(trx, event),
      userId: event.userId,
      userName: user?.name ?? null,
      userEmail: user?.email ?? event.userEmail ?? null,
      entity: event.entity,
      entityId: event.entityId,
      action: event.action,
      before: toJson(event.before),
      after: toJson(event.after),
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const row = await trx
      .insertInto('audit_events')
      .values(chainedRow(content, prevHash))
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  });
}

/** The organisation's audit events, newest first. */
export async function listAuditEvents(db: Db, organisationId: number, query: AuditQuery = {}): Promise<AuditEvent[]> {
  let q = db.selectFrom('audit_events').selectAll().where('organisation_id', '=', organisationId);
  if (query.entity !== undefined) q = q.where('entity', '=', query.entity);
  if (query.entityId !== undefined) q = q.where('entity_id', '=', query.entityId);
  if (query.planId !== undefined) q = q.where('plan_id', '=', query.planId);
  if (query.userId !== undefined) q = q.where('user_id', '=', query.userId);
  if (query.fromDay !== undefined) q = q.where('at', '>=', query.fromDay);
  if (query.toDay !== undefined) q = q.where('at', '<', `${query.toDay}T99`);
  const rows = await q.orderBy('at', 'desc').orderBy('seq', 'desc').limit(query.limit ?? 200).execute();
  return rows.map(toRecord);
}

/** The people and entity kinds in a plan's events (for the audit page's filters). */
export async function auditFilterChoices(db: Db, planId: number): Promise<{ people: { id: number; name: string }[]; entities: string[] }> {
  const people = await db.selectFrom('audit_events').select(['user_id', 'user_name', 'user_email'])
    .where('plan_id', '=', planId).where('user_id', 'is not', null).groupBy(['user_id', 'user_name', 'user_email']).execute();
  const entities = await db.selectFrom('audit_events').select('entity').where('plan_id', '=', planId).groupBy('entity').orderBy('entity').execute();
  const byId = new Map<number, string>();
  for (const p of people) if (p.user_id !== null && !byId.has(p.user_id)) byId.set(p.user_id, p.user_name ?? p.user_email ?? `User ${p.user_id}`);
  return {
    people: [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    entities: entities.map((e) => e.entity),
  };
}

/** Checks the whole chain, naming the first broken link. */
export async function verifyAuditChain(db: Db): Promise<ChainCheck> {
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
  const events: ChainedEvent[] = rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    at: r.at,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    planId: r.plan_id,
    userId: r.user_id,
    userName: r.user_name,
    userEmail: r.user_email,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    before: r.before,
    after: r.after,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
  return checkChain(events);
}
