// The plan as CSV: one file per entity (dates as ISO yyyy-mm-dd, UTF-8 with a byte-order mark so that Excel
// reads curly quotes and dashes right), or all of them in one zip.
import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import { safeCsvRows } from './csv-cell.ts';
import { aboutCsv } from './csv-about.ts';
import { entityTables, type Entity, type EntityTable } from './entity-tables.ts';
import type { ExportPlan } from './export-plan.ts';

function csvOf(table: EntityTable): string {
  return stringify(safeCsvRows(table.rows), { header: true, columns: table.columns.map((c) => c.header), bom: true, record_delimiter: 'windows' });
}

export function exportEntityCsv(plan: ExportPlan, entity: Entity): string {
  const table = entityTables(plan).find((t) => t.entity === entity);
  if (!table) throw new Error(`No table for ${entity}`);
  return csvOf(table);
}

/** Every entity's CSV in a zip: commitments.csv, milestones.csv, kpis.csv, kpi-readings.csv, monitoring.csv, updates.csv. */
export function exportCsvZip(plan: ExportPlan): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const table of entityTables(plan)) files[`${table.entity}.csv`] = strToU8(csvOf(table));
  if (plan.asAt) files['about.csv'] = strToU8(aboutCsv(plan, plan.asAt));
  return Buffer.from(zipSync(files));
}
