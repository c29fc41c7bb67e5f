// Monitoring items of a commitment, and evidence: dated entries (note, link or file) attached to a monitoring
// item or to a milestone.
import type { Kysely, Selectable } from 'kysely';
import type { IsoDate } from '../domain/types.ts';
import type { Database, EvidenceTable, MonitoringItemsTable } from './schema.ts';
import type { EvidenceRecord, MonitoringItemRecord } from './records.ts';
import { now } from './column-values.ts';
import { nextPosition } from './positions.ts';
import { tableRows } from './table-rows.ts';

/** What evidence is for: exactly one monitoring item or milestone. */
export type EvidenceTarget = { monitoringItemId: number } | { milestoneId: number };

export interface EvidenceDetails {
  date: IsoDate;
  note?: string | null;
  link?: string | null;
  filePath?: string | null;
  createdBy?: number | null;
}

export type NewEvidence = EvidenceTarget & EvidenceDetails;

export function toMonitoringItemRecord(row: Selectable<MonitoringItemsTable>): MonitoringItemRecord {
  return { id: row.id, commitmentId: row.commitment_id, position: row.position, text: row.text };
}

function toEvidenceRecord(row: Selectable<EvidenceTable>): EvidenceRecord {
  return {
    id: row.id,
    monitoringItemId: row.monitoring_item_id,
    milestoneId: row.milestone_id,
    date: row.date,
    note: row.note,
    link: row.link,
    filePath: row.file_path,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

const itemRows = tableRows('monitoring_items', toMonitoringItemRecord);
const evidenceRows = tableRows('evidence', toEvidenceRecord);

export async function createMonitoringItem(db: Kysely<Database>, commitmentId: number, text: string): Promise<MonitoringItemRecord> {
  const position = await nextPosition(db, { table: 'monitoring_items', parent: 'commitment_id' }, commitmentId);
  return itemRows.insert(db, { commitment_id: commitmentId, position, text });
}

export async function getMonitoringItem(db: Kysely<Database>, id: number): Promise<MonitoringItemRecord | undefined> {
  return itemRows.byId(db, id);
}

export async function listMonitoringItems(db: Kysely<Database>, commitmentId: number): Promise<MonitoringItemRecord[]> {
  return itemRows.listWhere(db, 'commitment_id', commitmentId, 'position', 'id');
}

export async function updateMonitoringItem(db: Kysely<Database>, id: number, text: string): Promise<MonitoringItemRecord | undefined> {
  const row = await db.updateTable('monitoring_items').set({ text }).where('id', '=', id).returningAll().executeTakeFirst();
  return row && toMonitoringItemRecord(row);
}

/** Deletes the monitoring item and its evidence. */
export async function deleteMonitoringItem(db: Kysely<Database>, id: number): Promise<boolean> {
  return itemRows.deleteById(db, id);
}

export async function addEvidence(db: Kysely<Database>, evidence: NewEvidence): Promise<EvidenceRecord> {
  return evidenceRows.insert(db, {
    monitoring_item_id: 'monitoringItemId' in evidence ? evidence.monitoringItemId : null,
    milestone_id: 'milestoneId' in evidence ? evidence.milestoneId : null,
    date: evidence.date,
    note: evidence.note ?? null,
    link: evidence.link ?? null,
    file_path: evidence.filePath ?? null,
    created_by: evidence.createdBy ?? null,
    created_at: now(),
  });
}

export async function getEvidence(db: Kysely<Database>, id: number): Promise<EvidenceRecord | undefined> {
  return evidenceRows.byId(db, id);
}

/** Evidence for one monitoring item or milestone, oldest first. */
export async function listEvidence(db: Kysely<Database>, target: EvidenceTarget): Promise<EvidenceRecord[]> {
  let query = db.selectFrom('evidence').selectAll();
  query =
    'monitoringItemId' in target
      ? query.where('monitoring_item_id', '=', target.monitoringItemId)
      : query.where('milestone_id', '=', target.milestoneId);
  const rows = await query.orderBy('date').orderBy('id').execute();
  return rows.map(toEvidenceRecord);
}

export async function deleteEvidence(db: Kysely<Database>, id: number): Promise<boolean> {
  return evidenceRows.deleteById(db, id);
}
