// The first schema. Runs unchanged on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { notNull, optRef, ref, withId } from './columns.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const real = dialect === 'postgres' ? 'double precision' : 'real';

  await withId(db.schema.createTable('organisations'), dialect)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', notNull)
    .execute();

  await withId(db.schema.createTable('users'), dialect)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('password_hash', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();

  await db.schema.createTable('memberships')
    .addColumn('user_id', 'integer', ref('users'))
    .addColumn('organisation_id', 'integer', ref('organisations'))
    .addColumn('role', 'text', notNull)
    .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'organisation_id', 'role'])
    .execute();

  await db.schema.createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', ref('users'))
    .addColumn('csrf_token', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('expires_at', 'text', notNull)
    .execute();

  await withId(db.schema.createTable('plans'), dialect)
    .addColumn('organisation_id', 'integer', ref('organisations'))
    .addColumn('title', 'text', notNull)
    .addColumn('period_from', 'text')
    .addColumn('period_to', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('review_cadence', 'text', (c) => c.notNull().defaultTo('quarterly'))
    .addColumn('fy_start_month', 'integer', (c) => c.notNull().defaultTo(4))
    .addColumn('rag_scheme', 'text', notNull)
    .addColumn('source_name', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();

  await withId(db.schema.createTable('commitments'), dialect)
    .addColumn('plan_id', 'integer', ref('plans'))
    .addColumn('number', 'integer', notNull)
    .addColumn('position', 'integer', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('summary', 'text', notNull)
    .addColumn('lead_user_id', 'integer', optRef('users'))
    .execute();

  await withId(db.schema.createTable('kpis'), dialect)
    .addColumn('commitment_id', 'integer', ref('commitments'))
    .addColumn('position', 'integer', notNull)
    .addColumn('text', 'text', notNull)
    .addColumn('unit', 'text')
    .addColumn('baseline', real)
    .addColumn('target', real)
    .addColumn('target_date', 'text')
    .addColumn('direction', 'text', (c) => c.notNull().defaultTo('higher'))
    .execute();

  await withId(db.schema.createTable('kpi_readings'), dialect)
    .addColumn('kpi_id', 'integer', ref('kpis'))
    .addColumn('date', 'text', notNull)
    .addColumn('value', real, notNull)
    .addColumn('note', 'text')
    .addColumn('source', 'text')
    .execute();

  await withId(db.schema.createTable('milestones'), dialect)
    .addColumn('commitment_id', 'integer', ref('commitments'))
    .addColumn('position', 'integer', notNull)
    .addColumn('text', 'text', notNull)
    .addColumn('due_from', 'text')
    .addColumn('due_to', 'text')
    .addColumn('baseline_from', 'text')
    .addColumn('baseline_to', 'text')
    .addColumn('recurrence', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('not-started'))
    .addColumn('done_on', 'text')
    .execute();

  await withId(db.schema.createTable('milestone_redates'), dialect)
    .addColumn('milestone_id', 'integer', ref('milestones'))
    .addColumn('old_from', 'text')
    .addColumn('old_to', 'text')
    .addColumn('new_from', 'text')
    .addColumn('new_to', 'text')
    .addColumn('reason', 'text', notNull)
    .addColumn('changed_by', 'integer', optRef('users'))
    .addColumn('changed_at', 'text', notNull)
    .execute();

  await withId(db.schema.createTable('monitoring_items'), dialect)
    .addColumn('commitment_id', 'integer', ref('commitments'))
    .addColumn('position', 'integer', notNull)
    .addColumn('text', 'text', notNull)
    .execute();

  await withId(db.schema.createTable('evidence'), dialect)
    .addColumn('monitoring_item_id', 'integer', (c) => c.references('monitoring_items.id').onDelete('cascade'))
    .addColumn('milestone_id', 'integer', (c) => c.references('milestones.id').onDelete('cascade'))
    .addColumn('date', 'text', notNull)
    .addColumn('note', 'text')
    .addColumn('link', 'text')
    .addColumn('file_path', 'text')
    .addColumn('created_by', 'integer', optRef('users'))
    .addColumn('created_at', 'text', notNull)
    .execute();

  await withId(db.schema.createTable('review_periods'), dialect)
    .addColumn('plan_id', 'integer', ref('plans'))
    .addColumn('label', 'text', notNull)
    .addColumn('starts_on', 'text', notNull)
    .addColumn('ends_on', 'text', notNull)
    .addColumn('due_on', 'text', notNull)
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .execute();

  await withId(db.schema.createTable('progress_updates'), dialect)
    .addColumn('commitment_id', 'integer', ref('commitments'))
    .addColumn('review_period_id', 'integer', (c) => c.references('review_periods.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('rag', 'text')
    .addColumn('narrative', 'text', notNull)
    .addColumn('kpi_refs', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('response', 'text')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('correction_reason', 'text')
    .addColumn('created_by', 'integer', optRef('users'))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();

  await withId(db.schema.createTable('audit_events'), dialect)
    .addColumn('organisation_id', 'integer', optRef('organisations'))
    .addColumn('user_id', 'integer', optRef('users'))
    .addColumn('entity', 'text', notNull)
    .addColumn('entity_id', 'integer')
    .addColumn('action', 'text', notNull)
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('at', 'text', notNull)
    .execute();

  await db.schema.createIndex('commitments_plan').on('commitments').column('plan_id').execute();
  await db.schema.createIndex('milestones_commitment').on('milestones').column('commitment_id').execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
  await db.schema.createIndex('audit_events_org').on('audit_events').columns(['organisation_id', 'at']).execute();
}
