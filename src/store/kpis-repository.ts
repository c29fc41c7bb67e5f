// KPIs of a commitment and their readings over time.
import type { Kysely, Selectable } from 'kysely';
import type { KpiDirection } from '../domain/types.ts';
import type { Database, KpiReadingsTable, KpisTable } from './schema.ts';
import type { KpiReadingRecord, KpiRecord } from './records.ts';
import { KPI_DIRECTIONS, oneOf, toCount } from './column-values.ts';
import { nextPosition } from './positions.ts';

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

export async function createKpi(db: Kysely<Database>, commitmentId: number, input: NewKpi): Promise<KpiRecord> {
  const row = await db
    .insertInto('kpis')
    .values({
      commitment_id: commitmentId,
      position: await nextPosition(db, { table: 'kpis', parent: 'commitment_id' }, commitmentId),
      text: input.text,
      unit: input.unit ?? null,
      baseline: input.baseline ?? null,
      target: input.target ?? null,
      target_date: input.targetDate ?? null,
      direction: input.direction ?? 'higher',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toKpiRecord(row);
}

export async function getKpi(db: Kysely<Database>, id: number): Promise<KpiRecord | undefined> {
  const row = await db.selectFrom('kpis').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toKpiRecord(row);
}

export async function listKpis(db: Kysely<Database>, commitmentId: number): Promise<KpiRecord[]> {
  const rows = await db.selectFrom('kpis').selectAll().where('commitment_id', '=', commitmentId).orderBy('position').orderBy('id').execute();
  return rows.map(toKpiRecord);
}

export async function updateKpi(db: Kysely<Database>, id: number, changes: KpiChanges): Promise<KpiRecord | undefined> {
  const set = {
    ...(changes.text !== undefined && { text: changes.text }),
    ...(changes.position !== undefined && { position: changes.position }),
    ...(changes.unit !== undefined && { unit: changes.unit }),
    ...(changes.baseline !== undefined && { baseline: changes.baseline }),
    ...(changes.target !== undefined && { target: changes.target }),
    ...(changes.targetDate !== undefined && { target_date: changes.targetDate }),
    ...(changes.direction !== undefined && { direction: changes.direction }),
  };
  if (Object.keys(set).length === 0) return getKpi(db, id);
  const row = await db.updateTable('kpis').set(set).where('id', '=', id).returningAll().executeTakeFirst();
  return row && toKpiRecord(row);
}

/** Deletes the KPI and its readings. */
export async function deleteKpi(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db.deleteFrom('kpis').where('id', '=', id).executeTakeFirst();
  return toCount(result.numDeletedRows) > 0;
}

export async function addKpiReading(db: Kysely<Database>, kpiId: number, reading: NewKpiReading): Promise<KpiReadingRecord> {
  if (!Number.isFinite(reading.value)) throw new Error(`A KPI reading must be a number, got ${reading.value}`);
  const row = await db
    .insertInto('kpi_readings')
    .values({ kpi_id: kpiId, date: reading.date, value: reading.value, note: reading.note ?? null, source: reading.source ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toReadingRecord(row);
}

/** The KPI's readings, oldest first. */
export async function listKpiReadings(db: Kysely<Database>, kpiId: number): Promise<KpiReadingRecord[]> {
  const rows = await db.selectFrom('kpi_readings').selectAll().where('kpi_id', '=', kpiId).orderBy('date').orderBy('id').execute();
  return rows.map(toReadingRecord);
}

export async function deleteKpiReading(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db.deleteFrom('kpi_readings').where('id', '=', id).executeTakeFirst();
  return toCount(result.numDeletedRows) > 0;
}
