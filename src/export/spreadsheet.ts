// The plan as an Excel workbook: one sheet per entity, a bold frozen header row, real date cells (dd/mm/yyyy).
import ExcelJS from 'exceljs';
import { entityTables, type CellValue, type EntityColumn } from './entity-tables.ts';
import type { ExportPlan } from './export-plan.ts';

/** An ISO date as the UTC midnight Excel stores it as. */
function dateCell(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function cellValue(value: CellValue, column: EntityColumn | undefined): ExcelJS.CellValue {
  if (value === null) return null;
  if (column?.type === 'date' && typeof value === 'string') return dateCell(value);
  return value;
}

/** What the workbook is: the plan, the date it is as at, and how its current RAG is to be read. */
function aboutSheet(workbook: ExcelJS.Workbook, plan: ExportPlan, asAt: string): void {
  const sheet = workbook.addWorksheet('About');
  sheet.columns = [{ width: 18 }, { width: 90 }];
  sheet.addRow(['Plan', plan.title]).font = { bold: false };
  sheet.addRow(['As at', dateCell(asAt)]).getCell(2).numFmt = 'dd/mm/yyyy';
  sheet.addRow(['Current RAG', 'The latest rating; one not yet signed off by the reviewer says "(not yet signed off)".']);
  sheet.addRow(['Included', 'Updates of review periods that began by the as-at date, and KPI readings up to it.']);
  sheet.getColumn(1).font = { bold: true };
}

export async function exportPlanXlsx(plan: ExportPlan): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Improvement Tracker';
  workbook.title = plan.title;
  for (const table of entityTables(plan)) {
    const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({
      header: c.header,
      width: c.type === 'text' ? Math.max(16, Math.min(60, c.header.length + 4)) : Math.max(12, c.header.length + 2),
      ...(c.type === 'date' && { style: { numFmt: 'dd/mm/yyyy' } }),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((v, i) => cellValue(v, table.columns[i])));
    table.columns.forEach((c, i) => {
      if (c.type === 'text') sheet.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
    });
  }
  if (plan.asAt) aboutSheet(workbook, plan, plan.asAt);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
