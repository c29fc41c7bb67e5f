// A CSV file → one table: a row per record, a field's lines as its paragraphs. The delimiter (comma,
// semicolon or tab) is the one the header row uses most.
import { parse } from 'csv-parse/sync';
import { cellLines } from './cell-lines.ts';
import type { DocumentTables } from './plan-table.ts';

const DELIMITERS = [',', ';', '\t'] as const;

function delimiterOf(text: string): string {
  const headerLine = text.split('\n').find((line) => /milestone/i.test(line)) ?? text.split('\n')[0] ?? '';
  let best: string = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const count = headerLine.split(d).length - 1;
    if (count > most) {
      best = d;
      most = count;
    }
  }
  return best;
}

/** The table in the CSV text, or null when it cannot be read as CSV. */
export function readCsv(text: string): DocumentTables | null {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch {
    return null;
  }
  return { titleProperty: null, tables: [{ rows: records.map((r) => r.map(cellLines)), textBefore: [] }] };
}
