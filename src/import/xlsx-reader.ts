// An Excel workbook (.xlsx) → one table per worksheet: a row per sheet row, a cell's lines as its paragraphs.
import ExcelJS from 'exceljs';
import { cellLines } from './cell-lines.ts';
import { ImportError } from './import-error.ts';
import { LIMITS, tooComplex } from './limits.ts';
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

/**
 * The sheet's rows that hold something, each up to its last used cell. Only the cells stored in the file are
 * visited (never the declared dimension, which one stray cell at XFD1048576 makes 17 billion cells); over
 * LIMITS.rows, LIMITS.columns or LIMITS.cells, the workbook is refused with the reason.
 */
function readSheet(sheet: ExcelJS.Worksheet, counts: { rows: number; cells: number }): FoundTable {
  const rows: Row[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const texts: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column > LIMITS.columns) throw tooComplex(`a cell in column ${column} of row ${rowNumber}`);
      counts.cells += 1;
      if (counts.cells > LIMITS.cells) throw tooComplex(`over ${LIMITS.cells.toLocaleString('en-GB')} cells`);
      texts[column - 1] = cellText(cell);
    });
    if (texts.every((text) => text === undefined || text.trim() === '')) return;
    counts.rows += 1;
    if (counts.rows > LIMITS.rows) throw tooComplex(`over ${LIMITS.rows.toLocaleString('en-GB')} rows`);
    rows.push(Array.from(texts, (text) => cellLines(text ?? '')));
  });
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
  const counts = { rows: 0, cells: 0 };
  return { titleProperty: title, tables: workbook.worksheets.map((sheet) => readSheet(sheet, counts)) };
}
