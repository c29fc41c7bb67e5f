// Tamper-evident audit trail. audit_events is rebuilt:
// - no foreign keys: deleting a user or an organisation no longer rewrites (nulls) past events; the person's
//   name and e-mail and the organisation's name are kept as text snapshots of the time;
// - plan_id, so each plan has its own audit page;
// - seq, prev_hash and hash chain the events (see ../audit-chain.ts); existing events are chained in id order;
// - triggers refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL): events are append-only.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { chainedRow, GENESIS_HASH, type ChainedContent } from '../audit-chain.ts';

interface OldEvent {
  id: number;
  organisation_id: number | null;
  organisation_name: string | null;
  user_id: number | null;
  user_name: string | null;
  user_email: string | null;
  entity: string;
  entity_id: number | null;
  action: string;
  before: string | null;
  after: string | null;
  at: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  let table = db.schema.createTable('audit_events_chained');
  table = dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  await table
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('organisation_id', 'integer')
    .addColumn('organisation_name', 'text')
    .addColumn('plan_id', 'integer')
    .addColumn('user_id', 'integer')
    .addColumn('user_name', 'text')
    .addColumn('user_email', 'text')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  const old = await sql<OldEvent>`
    select a.id, a.organisation_id, o.name as organisation_name, a.user_id, u.name as user_name, u.email as user_email,
           a.entity, a.entity_id, a.action, a.before, a.after, a.at
    from audit_events a
    left join organisations o on o.id = a.organisation_id
    left join users u on u.id = a.user_id
    order by a.id`.execute(db);
  let prevHash = GENESIS_HASH;
  for (const [index, row] of old.rows.entries()) {
    const content: ChainedContent = {
      seq: index + 1,
      at: row.at,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      planId: row.entity === 'plan' ? row.entity_id : null,
      userId: row.user_id,
      userName: row.user_name,
      userEmail: row.user_email,
      entity: row.entity,
      entityId: row.entity_id,
      action: row.action,
      before: row.before,
      after: row.after,
    };
    const chained = chainedRow(content, prevHash);
    await db.insertInto('audit_events_chained').values(chained).execute();
    prevHash = chained.hash;
  }
  if (dialect === 'postgres' && old.rows.length > 0) {
    await sql`select setval(pg_get_serial_sequence('audit_events_chained', 'id'), (select max(id) from audit_events_chained))`.execute(db);
  }

  await db.schema.dropTable('audit_events').execute();
  await db.schema.alterTable('audit_events_chained').renameTo('audit_events').execute();
  await db.schema.createIndex('audit_events_org_at').on('audit_events').columns(['organisation_id', 'at']).execute();
  await db.schema.createIndex('audit_events_plan_at').on('audit_events').columns(['plan_id', 'at']).execute();

  if (dialect === 'postgres') {
    await sql`create or replace function audit_events_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_events is append-only: events cannot be changed or deleted'; end $$`.execute(db);
    await sql`create trigger audit_events_no_change before update or delete on audit_events
      for each row execute function audit_events_append_only()`.execute(db);
    await sql`create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_events_no_update before update on audit_events
      begin select raise(abort, 'audit_events is append-only: events cannot be changed or deleted'); end`.execute(db);
    await sql`create trigger audit_events_no_delete before delete on audit_events
      begin select raise(abort, 'audit_events is append-only: events cannot be changed or deleted'); end`.execute(db);
  }
}
