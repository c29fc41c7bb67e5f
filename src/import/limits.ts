// How much of an uploaded file the importer will work through. A real improvement plan is a table of tens of rows
// and a handful of columns in a file of a few hundred kilobytes; these limits are far above that and far below
// what would hurt the service (a "zip bomb", a sheet whose one cell sits at XFD1048576, billions of laughs).
import { ImportError } from './import-error.ts';

export const LIMITS = {
  /** Everything unpacked from a Word or Excel file together, counted while inflating. */
  inflatedBytes: 20 * 1024 * 1024,
  /** Parts (files) in a Word or Excel package. */
  zipEntries: 2_000,
  /** Rows with something in them, over every table or sheet. */
  rows: 5_000,
  /** The furthest column used in a row (a plan has four or five). */
  columns: 100,
  /** Non-empty cells over every table or sheet. */
  cells: 100_000,
  /** Lines of a CSV or text file. */
  lines: 200_000,
  /** Commas, semicolons and tabs of a CSV or text file together (each may start a cell). */
  separators: 1_000_000,
  /** Elements nested inside one another in the XML of a Word part. */
  xmlDepth: 100,
} as const;

export function tooComplex(what: string): ImportError {
  return new ImportError('too-complex', `This file is too large or complex to import (${what}). A plan is a table of at most ${LIMITS.rows.toLocaleString('en-GB')} rows: save just the plan's table and import that.`);
}

/** Refuses a text over the line or separator limit before it is split into cells. */
export function checkTextSize(text: string): void {
  let lines = 1;
  let separators = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) lines += 1;
    else if (c === 44 || c === 59 || c === 9) separators += 1;
  }
  if (lines > LIMITS.lines) throw tooComplex(`over ${LIMITS.lines.toLocaleString('en-GB')} lines`);
  if (separators > LIMITS.separators) throw tooComplex(`over ${LIMITS.separators.toLocaleString('en-GB')} cells`);
}

/** Refuses tables with more rows, columns or cells holding something than any plan has. */
export function checkTables(tables: readonly { rows: readonly (readonly (readonly string[])[])[] }[]): void {
  let rows = 0;
  let cells = 0;
  for (const table of tables) {
    for (const row of table.rows) {
      const used = row.filter((cell) => cell.some((line) => line.trim() !== '')).length;
      if (used === 0) continue;
      rows += 1;
      cells += used;
      if (row.length > LIMITS.columns && row.slice(LIMITS.columns).some((cell) => cell.some((line) => line.trim() !== ''))) {
        throw tooComplex(`a row with over ${LIMITS.columns} columns`);
      }
    }
  }
  if (rows > LIMITS.rows) throw tooComplex(`over ${LIMITS.rows.toLocaleString('en-GB')} rows`);
  if (cells > LIMITS.cells) throw tooComplex(`over ${LIMITS.cells.toLocaleString('en-GB')} cells`);
}
