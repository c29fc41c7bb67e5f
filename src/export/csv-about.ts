// about.csv in the CSV zip: what the files are and the date they are as at (CSV has no place for metadata of its
// own, so it goes in a file beside the tables). Cells are made safe as in every other CSV file.
import { stringify } from 'csv-stringify/sync';
import type { IsoDate } from '../domain/types.ts';
import { safeCsvRows } from './csv-cell.ts';
import type { ExportPlan } from './export-plan.ts';
import { planHeading } from './plan-heading.ts';

export function aboutCsv(plan: ExportPlan, asAt: IsoDate): string {
  const rows = [
    ['Plan', planHeading(plan)],
    ['As at', asAt],
    ['Updates', 'Those of review periods that began by the as-at date; drafts only for their reviewer'],
    ['KPI readings', 'Up to the as-at date'],
    ['Current RAG', 'The latest rating; one not yet signed off by the reviewer says "(not yet signed off)"'],
  ];
  return stringify(safeCsvRows(rows), { header: true, columns: ['Field', 'Value'], bom: true, record_delimiter: 'windows' });
}
