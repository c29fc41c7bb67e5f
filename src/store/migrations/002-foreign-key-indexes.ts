// Indexes on the foreign keys the first schema left unindexed: PostgreSQL does not index them by itself, and
// look-ups by parent (and cascading deletes of a plan) would otherwise scan whole tables. Same on both databases.
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

const INDEXES: readonly [name: string, table: string, column: string][] = [
  ['plans_organisation', 'plans', 'organisation_id'],
  ['memberships_organisation', 'memberships', 'organisation_id'],
  ['kpis_commitment', 'kpis', 'commitment_id'],
  ['kpi_readings_kpi', 'kpi_readings', 'kpi_id'],
  ['milestone_redates_milestone', 'milestone_redates', 'milestone_id'],
  ['monitoring_items_commitment', 'monitoring_items', 'commitment_id'],
  ['evidence_monitoring_item', 'evidence', 'monitoring_item_id'],
  ['evidence_milestone', 'evidence', 'milestone_id'],
  ['review_periods_plan', 'review_periods', 'plan_id'],
  ['progress_updates_commitment', 'progress_updates', 'commitment_id'],
  ['progress_updates_review_period', 'progress_updates', 'review_period_id'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  for (const [name, table, column] of INDEXES) {
    await db.schema.createIndex(name).on(table).column(column).execute();
  }
}
