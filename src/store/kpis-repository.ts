// KPIs of a commitment and their readings over time.
import type { Kysely, Selectable } from 'kysely';
import type { KpiDirection } from '../domain/types.ts';
import type { Database, KpiReadingsTable, KpisTable } from './schema.ts';
import type { KpiReadingRecord, KpiRecord } from './records.ts';
import { KPI_DIRECTIONS, oneOf } from './column-values.ts';
import { nextPosition } from './positions.ts';
import { tableRows } from './table-rows.ts';

export interface NewKpi {
  text: string;
  unit?: string | null;
  baseline?: number | null;
  target?: number | null;
  targetDate?: string | null;
  direction?: KpiDirection;
}

export type KpiChanges = Partial<Omit<NewKpi, 'text'> & { text: string; position: number }>;

export interface NewKpiReading {
  date: string;
  value: number;
  note?: string | null;
  source?: string | null;
}

export function toKpiRecord(row: Selectable<KpisTable>): KpiRecord {
  return {
    id: row.id,
    commitmentId: row.commitment_id,
    position: row.position,
    text: row.text,
    unit: row.unit,
    baseline: row.baseline,
    target: row.target,
    targetDate: row.target_date,
    direction: oneOf(KPI_DIRECTIONS, row.direction, 'kpis.direction'),
  };
}

function toReadingRecord(row: Selectable<KpiReadingsTable>): KpiReadingRecord {
  return { id: row.id, kpiId: row.kpi_id, date: row.date, value: row.value, note: row.note, source: row.source };
}

const kpiRows = tableRows('kpis', toKpiRecord);
const readingRows = tableRows('kpi_readings', toReadingRecord);

export async function createKpi(db: Kysely<Database>, commitmentId: number, input: NewKpi): Promise<KpiRecord> {
  return kpiRows.insert(db, {
    commitment_id: commitmentId,
    position: await nextPosition(db, { table: 'kpis', parent: 'commitment_id' }, commitmentId),
    text: input.text,
    unit: input.unit ?? null,
    baseline: input.baseline ?? null,
    target: input.target ?? null,
    target_date: input.targetDate ?? null,
    direction: input.direction ?? 'higher',
  });
}

export async function getKpi(db: Kysely<Database>, id: number): Promise<KpiRecord | undefined> {
  return kpiRows.byId(db, id);
}

export async function listKpis(db: Kysely<Database>, commitmentId: number): Promise<KpiRecord[]> {
  return kpiRows.listWhere(db, 'commitment_id', commitmentId, 'position', 'id');
}

export async function updateKpi(db: Kysely<Database>, id: number, changes: KpiChanges): Promise<KpiRecord | undefined> {
  const { text, position, unit, baseline, target, targetDate, direction } = changes;
  return kpiRows.updateById(db, id, { text, position, unit, baseline, target, target_date: targetDate, direction });
}

/** Deletes the KPI and its readings. */
export async function deleteKpi(db: Kysely<Database>, id: number): Promise<boolean> {
  return kpiRows.deleteById(db, id);
}

export async function addKpiReading(db: Kysely<Database>, kpiId: number, reading: NewKpiReading): Promise<KpiReadingRecord> {
  if (!Number.isFinite(reading.value)) throw new Error(`A KPI reading must be a number, got ${reading.value}`);
  const { date, value } = reading;
  return readingRows.insert(db, { kpi_id: kpiId, date, value, note: reading.note ?? null, source: reading.source ?? null });
}

/** The KPI's readings, oldest first. */
export async function listKpiReadings(db: Kysely<Database>, kpiId: number): Promise<KpiReadingRecord[]> {
  return readingRows.listWhere(db, 'kpi_id', kpiId, 'date', 'id');
}

export async function deleteKpiReading(db: Kysely<Database>, id: number): Promise<boolean> {
  return readingRows.deleteById(db, id);
}
