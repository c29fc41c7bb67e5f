// Progress updates as records: the row shape shared by the plan read and the review journeys.
import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Database, ProgressUpdatesTable } from './schema.ts';
import type { ProgressUpdateRecord } from './records.ts';
import { UPDATE_STATES, asRag, oneOf } from './column-values.ts';

function kpiRefsOf(text: string): number[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === 'number')) {
    throw new Error(`Unexpected value ${text} in progress_updates.kpi_refs`);
  }
  return parsed;
}

/**
 * For a query on `progress_updates as pu`: keeps the current version of each commitment's update in a period,
 * the one with no later version.
 */
export function isCurrentVersion({ not, exists, selectFrom }: ExpressionBuilder<Database & { pu: ProgressUpdatesTable }, 'pu'>) {
  return not(
    exists(
      selectFrom('progress_updates as later')
        .select('later.id')
        .whereRef('later.commitment_id', '=', 'pu.commitment_id')
        .whereRef('later.review_period_id', '=', 'pu.review_period_id')
        .whereRef('later.version', '>', 'pu.version'),
    ),
  );
}

export function toProgressUpdateRecord(row: Selectable<ProgressUpdatesTable>): ProgressUpdateRecord {
  return {
    id: row.id,
    commitmentId: row.commitment_id,
    reviewPeriodId: row.review_period_id,
    version: row.version,
    rag: asRag(row.rag),
    narrative: row.narrative,
    kpiRefs: kpiRefsOf(row.kpi_refs),
    response: row.response,
    state: oneOf(UPDATE_STATES, row.state, 'progress_updates.state'),
    correctionReason: row.correction_reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
