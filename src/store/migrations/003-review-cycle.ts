// The review cycle: what a progress update records besides its text (the RAG suggested when it was saved and
// why, the reason for choosing another, who submitted, responded and signed off, and when), when a review period
// was signed off, and unique keys so a period is never generated twice and an update version never stored twice.
// SQLite adds one column per statement, so each column is its own `alter table`. Same on both databases.
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

type ColumnKind = 'text' | 'user';

const UPDATE_COLUMNS: readonly [name: string, kind: ColumnKind][] = [
  ['suggested_rag', 'text'],
  /** JSON array of the reasons shown with the suggestion. */
  ['suggested_reasons', 'text'],
  ['rag_override_reason', 'text'],
  ['submitted_at', 'text'],
  ['submitted_by', 'user'],
  ['response_at', 'text'],
  ['response_by', 'user'],
  ['signed_off_at', 'text'],
  ['signed_off_by', 'user'],
];

const PERIOD_COLUMNS: readonly [name: string, kind: ColumnKind][] = [
  ['signed_off_at', 'text'],
  ['signed_off_by', 'user'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function addColumns(db: Kysely<any>, table: string, columns: readonly [string, ColumnKind][]): Promise<void> {
  for (const [name, kind] of columns) {
    await db.schema
      .alterTable(table)
      .addColumn(name, kind === 'user' ? 'integer' : 'text', (c) => (kind === 'user' ? c.references('users.id').onDelete('set null') : c))
      .execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await addColumns(db, 'progress_updates', UPDATE_COLUMNS);
  await addColumns(db, 'review_periods', PERIOD_COLUMNS);
  await db.schema.createIndex('review_periods_plan_label').on('review_periods').columns(['plan_id', 'label']).unique().execute();
  // Updates imported with a plan have no period: NULLs never clash in a unique index on either database.
  await db.schema
    .createIndex('progress_updates_version')
    .on('progress_updates')
    .columns(['commitment_id', 'review_period_id', 'version'])
    .unique()
    .execute();
}
