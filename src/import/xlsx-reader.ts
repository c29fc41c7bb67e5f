// An Excel workbook (.xlsx) → one table per worksheet: a row per sheet row, a cell's lines as its paragraphs.
import ExcelJS from 'exceljs';
import { cellLines } from './cell-lines.ts';
import { ImportError } from './import-error.ts';
import type { DocumentTables, FoundTable, Row } from './plan-table.ts';

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  const value = cell.value;
  // Dates as a UK reader writes them, so the date reader takes them as written.
  if (value instanceof Date) return `${two(value.getUTCDate())}/${two(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  return cell.text ?? '';
}

function readSheet(sheet: ExcelJS.Worksheet): FoundTable {
  const rows: Row[] = [];
  const columns = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: Row = [];
    for (let c = 1; c <= columns; c += 1) cells.push(cellLines(cellText(row.getCell(c))));
    rows.push(cells);
  }
  return { rows, textBefore: [] };
}

export async function readXlsx(bytes: Uint8Array): Promise<DocumentTables> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportError('corrupt', 'The Excel workbook is damaged or incomplete: its sheets cannot be read. Save it again from Excel and retry.');
  }
  const title = typeof workbook.title === 'string' && workbook.title.trim() !== '' ? workbook.title.trim() : null;
  return { titleProperty: title, tables: workbook.worksheets.map(readSheet) };
}
