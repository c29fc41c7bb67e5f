// Reading an improvement plan from a Word, Excel, CSV or text file into a PlanDraft.
import type { PlanDraft } from '../domain/types.ts';
import { readCsv } from './csv-reader.ts';
import { DOCX_PARTS, readDocx } from './docx-reader.ts';
import { fileKind, officeKind, prefersCsv } from './file-format.ts';
import { ImportError } from './import-error.ts';
import { buildPlanDraft } from './plan-builder.ts';
import { decodeText } from './text-decoding.ts';
import { readWordText } from './word-text-reader.ts';
import { openZip } from './zip-package.ts';
import { checkTables, checkTextSize } from './limits.ts';

export { ImportError, type ImportErrorCode } from './import-error.ts';

export type PlanFormat = 'docx' | 'xlsx' | 'csv' | 'txt';

export interface ReadPlanOptions {
  /** Only breaks a tie between CSV and Word text; the content decides everything else. */
  fileName?: string;
  /** Largest file accepted, in bytes (default 10 MB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export const FORMAT_NAMES: Record<PlanFormat, string> = {
  docx: 'Word document',
  xlsx: 'Excel workbook',
  csv: 'CSV file',
  txt: 'text file',
};

function megabytes(n: number): string {
  const mb = n / (1024 * 1024);
  return mb >= 0.1 ? `${mb.toFixed(1)} MB` : `${n} bytes`;
}

/** A text file is CSV or Word's text export: the reading in which a plan table is found wins. */
function readText(bytes: Uint8Array, fileName: string | undefined): PlanDraft & { format: PlanFormat } {
  const text = decodeText(bytes);
  if (text.trim() === '') throw new ImportError('empty', 'The file is empty: there is no plan in it.');
  checkTextSize(text);
  const order: PlanFormat[] = prefersCsv(text, fileName) ? ['csv', 'txt'] : ['txt', 'csv'];
  let firstError: unknown = null;
  for (const format of order) {
    const tables = format === 'csv' ? readCsv(text) : readWordText(text);
    if (!tables) continue;
    checkTables(tables.tables);
    try {
      return { ...buildPlanDraft(tables, FORMAT_NAMES[format]), format };
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      firstError ??= err;
    }
  }
  throw firstError ?? new ImportError('no-table', 'This is not an improvement plan that can be imported: no table was found in the text.');
}

/** Throws the ImportError for a file over the size limit (callers may check before reading the file). */
export function checkSize(size: number, maxBytes: number = DEFAULT_MAX_BYTES): void {
  if (size > maxBytes) {
    throw new ImportError('too-large', `The file is ${megabytes(size)}, over the import limit of ${megabytes(maxBytes)}.`);
  }
}

/** Reads a plan from the bytes of a file. Throws ImportError with a message for the user when it cannot. */
export async function readPlan(bytes: Uint8Array, opts: ReadPlanOptions = {}): Promise<PlanDraft & { format: PlanFormat }> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw new ImportError('empty', 'The file is empty: there is no plan in it.');
  checkSize(bytes.length, maxBytes);
  if (fileKind(bytes) === 'text') return readText(bytes, opts.fileName);
  const zip = openZip(bytes, DOCX_PARTS);
  const format = officeKind(zip.names);
  // Excel's reader (exceljs, a large library) loads on the first workbook read, not with the importer.
  // exceljs unpacks the whole workbook itself: count everything unpacked first, stopping at the limit.
  if (format === 'xlsx') openZip(bytes, [], { countAll: true });
  const document = format === 'docx' ? readDocx(zip) : await (await import('./xlsx-reader.ts')).readXlsx(bytes);
  checkTables(document.tables);
  return { ...buildPlanDraft(document, FORMAT_NAMES[format]), format };
}
