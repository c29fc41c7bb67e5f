// Indexes for the portfolio roll-up and exception report at national size (services/portfolio.ts), the same on
// both databases:
// - open milestones (neither done nor dropped) by commitment and deadline, as a partial index: the overdue counts
//   and the slipped milestones look at the open ones only (a quarter of the table), the counts without reading it;
// - progress updates by period, with what the grid shows of them: the ratings of a period are read from the
//   index alone, not from the table's rows with their narratives;
// - KPI readings by KPI, date and id: a KPI's first and latest reading as at today (ties on a date going to the
//   first or last stored), each found by one look-up without a sort.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createIndex('milestones_open')
    .on('milestones')
    .columns(['commitment_id', 'due_to', 'baseline_to'])
    .where(sql<boolean>`status not in ('done', 'dropped')`)
    .execute();
  await db.schema
    .createIndex('progress_updates_period_ratings')
    .on('progress_updates')
    .columns(['review_period_id', 'state', 'commitment_id', 'version', 'rag'])
    .execute();
  await db.schema.createIndex('kpi_readings_kpi_date').on('kpi_readings').columns(['kpi_id', 'date', 'id']).execute();
}
