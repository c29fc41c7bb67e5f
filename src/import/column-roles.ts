// Recognises the header row of the four-column template by its words, tolerant of wording and of
// hint paragraphs ("Summarise the improvement…") under the column names.
import type { Cell, Row } from './plan-table.ts';

export type ColumnRole = 'summary' | 'milestones' | 'monitoring' | 'updates';

export interface ColumnMap {
  summary: number;
  milestones: number;
  monitoring: number | null;
  updates: number | null;
}

/** In priority order: a cell is given the first role whose words it holds. */
const ROLE_WORDS: [ColumnRole, RegExp][] = [
  ['milestones', /\bmilestones?\b|\bkey dates\b/i],
  ['monitoring', /\bmonitor(ing)?\b/i],
  ['updates', /\barea lead\b|\bprogress update|\bupdates?\b|\bprogress\b/i],
  ['summary', /\bimprovement\b|\bsummary\b|\bsummari[sz]e\b|\bcommitments?\b|\bobjectives?\b|\bactions?\b/i],
];

/** Hint texts the template puts under the column names. */
const HINT_WORDS = /summari[sz]e the improvement|add key milestones|note how you will|to be completed on|where possible/i;

function nonEmpty(cell: Cell): string[] {
  return cell.map((p) => p.trim()).filter((p) => p !== '');
}

/** The role a header cell names, judged by its first paragraph, else by all of it. */
export function roleOfHeaderCell(cell: Cell): ColumnRole | null {
  const paragraphs = nonEmpty(cell);
  const first = paragraphs[0];
  if (first === undefined || first.length > 120) return null;
  for (const text of [first, paragraphs.join(' ')]) {
    for (const [role, words] of ROLE_WORDS) if (words.test(text)) return role;
  }
  return null;
}

/** The column map if this row is the template's header row, else null. */
export function headerColumns(row: Row): ColumnMap | null {
  const found = new Map<ColumnRole, number>();
  row.forEach((cell, index) => {
    const role = roleOfHeaderCell(cell);
    if (role !== null && !found.has(role)) found.set(role, index);
  });
  const milestones = found.get('milestones');
  if (milestones === undefined || found.size < 3) return null;
  let summary = found.get('summary');
  if (summary === undefined) {
    if (milestones === 0) return null;
    summary = milestones - 1;
  }
  if (summary >= milestones) return null;
  return { summary, milestones, monitoring: found.get('monitoring') ?? null, updates: found.get('updates') ?? null };
}

/** A row repeating the template's hints ("Summarise the improvement…", "Add key milestones…"). */
export function isHintRow(row: Row): boolean {
  return row.filter((cell) => HINT_WORDS.test(nonEmpty(cell).join(' '))).length >= 2;
}

/** Whether a row carries no text at all. */
export function isEmptyRow(row: Row): boolean {
  return row.every((cell) => nonEmpty(cell).length === 0);
}
