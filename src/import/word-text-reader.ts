// Word's plain-text export of the plan table: cells separated by tabs, paragraphs of a cell by line breaks.
// A row ends with an ordinary line break, so the chunk between two tabs at a row boundary holds the last cell
// of one row and the first cell of the next; the next row starts where the next commitment number begins.
// A leading empty column makes that chunk just the previous row's last cell.
import { roleOfHeaderCell } from './column-roles.ts';
import { splitCommitmentNumber } from './commitment-number.ts';
import { hasBullet } from './item-text.ts';
import type { Cell, DocumentTables, Row } from './plan-table.ts';

/** The line where the header's first cell begins, in the text before the first tab; -1 if none. */
function headerStart(lines: string[]): number {
  const named = lines.findIndex((line) => /\bsummary\b/i.test(line) && line.length <= 120);
  return named !== -1 ? named : lines.findIndex((line) => !/\bplan\b/i.test(line) && roleOfHeaderCell([line]) !== null);
}

/** Where, in a row-boundary chunk, the next row's first cell begins. */
function rowStart(lines: string[], expected: number, leadingColumn: boolean): number {
  const numbered = lines.map((line, i) => ({ i, n: splitCommitmentNumber(line).number })).filter((x) => x.n !== null);
  const nonEmpty = lines.map((line, i) => ({ line, i })).filter((x) => x.line.trim() !== '');
  if (leadingColumn) {
    // The leading cell is empty, or holds only the number.
    const last = nonEmpty[nonEmpty.length - 1];
    return last && /^\s*\d{1,3}\s*$/.test(last.line) ? last.i : lines.length;
  }
  const pick = [...numbered].reverse().find((x) => x.n === expected) ?? numbered[numbered.length - 1];
  if (pick) return pick.i;
  // No number: the last cell usually ends with its bullets, and the next row's title follows them.
  const lastBullet = [...nonEmpty].reverse().find((x) => hasBullet(x.line));
  const after = nonEmpty.find((x) => x.i > (lastBullet?.i ?? -1));
  return after ? after.i : lines.length;
}

function trimBlankEnds(cell: Cell): Cell {
  let from = 0;
  let to = cell.length;
  while (from < to && cell[from]?.trim() === '') from += 1;
  while (to > from && cell[to - 1]?.trim() === '') to -= 1;
  return cell.slice(from, to);
}

export function readWordText(text: string): DocumentTables {
  const chunks = text.split('\t').map((chunk) => chunk.split('\n'));
  const first = chunks[0] ?? [];
  const start = headerStart(first);
  const leadingColumn = start === -1;
  const textBefore = leadingColumn ? first : first.slice(0, start);
  const headStart = leadingColumn ? 1 : 0;
  // The header row's cells: consecutive chunks naming a column; the last of them is the first row boundary.
  // A chunk that starts with a commitment number, or names a column already seen, is the first row's, not a
  // header's ("1. … an improvement board …" names no column).
  let boundary = headStart;
  const seen = new Set<string>();
  for (;;) {
    const next = chunks[boundary + 1];
    if (next === undefined || boundary + 1 >= chunks.length) break;
    const role = roleOfHeaderCell(next);
    const firstLine = next.find((line) => line.trim() !== '') ?? '';
    if (role === null || seen.has(role) || splitCommitmentNumber(firstLine).number !== null) break;
    seen.add(role);
    boundary += 1;
    // Without a leading column the first row starts inside the header's last cell: the header ends there, even
    // if the next cell's words could name a column ("· Updates published monthly").
    const rest = next.slice(next.indexOf(firstLine) + 1);
    if (!leadingColumn && rest.some((line) => splitCommitmentNumber(line).number !== null)) break;
  }
  const width = boundary;
  if (width < 2 || chunks.length <= width) return { titleProperty: null, tables: [] };

  const rows: Row[] = [];
  let cells: Cell[] = [leadingColumn ? first.slice(-1) : first.slice(start)];
  let current = 0; // the number of the row being read; the header row counts as 0
  // Between boundaries the chunks are whole cells; a boundary chunk is split into a tail and a head.
  for (let index = 1; index < chunks.length; index += 1) {
    const lines = chunks[index] ?? [];
    if (index % width !== 0 || index + 1 === chunks.length) {
      cells.push(lines);
      continue;
    }
    const at = rowStart(lines, current + 1, leadingColumn);
    cells.push(lines.slice(0, at));
    rows.push(cells.map(trimBlankEnds));
    cells = [lines.slice(at)];
    const next = chunks[index + 1] ?? [];
    const firstText = [...(cells[0] ?? []), ...(leadingColumn ? next : [])].find((line) => line.trim() !== '');
    current = (firstText === undefined ? null : splitCommitmentNumber(firstText).number) ?? current + 1;
  }
  rows.push(cells.map(trimBlankEnds));
  return { titleProperty: null, tables: [{ rows, textBefore: textBefore.filter((t) => t.trim() !== '') }] };
}
