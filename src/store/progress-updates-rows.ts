// Progress updates as records: the row shape shared by the plan read and the review journeys.
import type { Selectable } from 'kysely';
import type { ProgressUpdatesTable } from './schema.ts';
import type { ProgressUpdateRecord } from './records.ts';
import { UPDATE_STATES, asRag, oneOf } from './column-values.ts';

function kpiRefsOf(text: string): number[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === 'number')) {
    throw new Error(`Unexpected value ${text} in progress_updates.kpi_refs`);
  }
  return parsed;
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
