// Finds the plan table among the tables of a document: the one whose header row names the template's
// columns, followed by any later tables continuing it with the same columns.
import { headerColumns, isEmptyRow, isHintRow, type ColumnMap } from './column-roles.ts';
import { startsCommitment } from './commitment-number.ts';
import { ImportError } from './import-error.ts';
import type { FoundTable, Row } from './plan-table.ts';

export interface PlanTable {
  columns: ColumnMap;
  /** The commitment rows: header, hint and empty rows left out. */
  rows: Row[];
  /** Paragraphs before the plan table. */
  textBefore: string[];
}

const COLUMNS_NAMED = 'Improvement summary, Milestones, Monitoring process and Area Lead progress update';

function bodyRows(rows: Row[]): Row[] {
  return rows.filter((row) => !isEmptyRow(row) && !isHintRow(row) && headerColumns(row) === null);
}

function width(rows: Row[]): number {
  return Math.max(0, ...rows.map((r) => r.length));
}

function withHeader(tables: FoundTable[]): PlanTable | null {
  for (const [t, table] of tables.entries()) {
    const at = table.rows.findIndex((row) => headerColumns(row) !== null);
    const header = table.rows[at];
    const columns = header ? headerColumns(header) : null;
    if (!columns || !header) continue;
    const rows = bodyRows(table.rows.slice(at + 1));
    // A plan split over several tables (one per page, say) continues in tables of the same width that repeat
    // the header or go on with a numbered commitment; a table after it that does neither (a signature block)
    // ends the plan.
    for (const next of tables.slice(t + 1)) {
      if (!continuesPlan(next, width(table.rows), columns)) break;
      rows.push(...bodyRows(next.rows));
    }
    // Rows above the header (a spreadsheet's title rows) are text before the table too.
    const above = table.rows.slice(0, at).flatMap((row) => row.flat());
    return { columns, rows, textBefore: [...table.textBefore, ...above] };
  }
  return null;
}

/** Whether a table after the plan table goes on with the plan (rather than being a signature block, say). */
function continuesPlan(next: FoundTable, planWidth: number, columns: ColumnMap): boolean {
  if (width(next.rows) !== planWidth) return false;
  if (next.rows.some((row) => headerColumns(row) !== null)) return true;
  const first = bodyRows(next.rows)[0];
  if (!first) return false;
  const summary = (first[columns.summary] ?? []).join('\n').trim();
  // An empty summary cell continues the commitment above (a row broken across pages).
  return summary === '' || startsCommitment(summary) || startsCommitment(textBeforeColumn(first, columns.summary));
}

/** The text of the cells before a column (a narrow leading column may hold the commitment number). */
function textBeforeColumn(row: Row, summaryColumn: number): string {
  return row.slice(0, summaryColumn).map((cell) => cell.join(' ')).join(' ').trim();
}

/** Without a header row: a table of four columns (after empty leading columns) whose rows are numbered. */
function byPosition(tables: FoundTable[]): PlanTable | null {
  for (const table of tables) {
    const rows = bodyRows(table.rows);
    const lead = leadingEmptyColumns(rows);
    if (width(rows) - lead !== 4) continue;
    const numbered = rows.filter((row) => startsCommitment((row[lead] ?? []).join('\n').trim()));
    if (numbered.length === 0 || numbered.length < rows.length / 2) continue;
    const columns = { summary: lead, milestones: lead + 1, monitoring: lead + 2, updates: lead + 3 };
    return { columns, rows, textBefore: table.textBefore };
  }
  return null;
}

function leadingEmptyColumns(rows: Row[]): number {
  let lead = 0;
  const columns = width(rows);
  while (lead < columns && rows.every((row) => (row[lead] ?? []).every((p) => p.trim() === ''))) lead += 1;
  return lead;
}

/** The plan table, or an ImportError saying why none was found. `what` names the file kind ("Word document"). */
export function choosePlanTable(tables: FoundTable[], what: string): PlanTable {
  const chosen = withHeader(tables) ?? byPosition(tables);
  if (chosen) return chosen;
  const seen = tables.filter((t) => t.rows.length > 0);
  const problem =
    seen.length === 0
      ? `the ${what} has no table in it`
      : `the ${what} has ${seen.length === 1 ? 'a table' : `${seen.length} tables`}, but no header row naming the columns`;
  throw new ImportError('no-table', `This is not an improvement plan that can be imported: ${problem}. The plan needs a table with the four columns ${COLUMNS_NAMED}.`);
}
