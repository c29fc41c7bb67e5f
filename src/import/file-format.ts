// What kind of file the bytes are, judged from their content (the file name only breaks a tie between
// CSV and Word text). Files that can never be a plan are refused here with the reason.
import { ImportError } from './import-error.ts';
import { looksLikeText } from './text-decoding.ts';

export type FileKind = 'zip' | 'text';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

const ZIP = [0x50, 0x4b];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66];

const WHAT_WORKS = 'Import the plan as a Word (.docx), Excel (.xlsx), CSV or text (.txt) file.';

export function fileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, ZIP)) return 'zip';
  if (startsWith(bytes, OLE)) {
    throw new ImportError(
      'encrypted',
      'This file is a password-protected (encrypted) Office document or an old-style Word/Excel file (.doc/.xls), which cannot be read. Remove the password, or save it as .docx or .xlsx, and import that.',
    );
  }
  if (startsWith(bytes, PDF)) throw new ImportError('unsupported', `This is a PDF file, which cannot be imported. ${WHAT_WORKS}`);
  if (startsWith(bytes, RTF)) throw new ImportError('unsupported', `This is a Rich Text (.rtf) file, which cannot be imported: save it as .docx. ${WHAT_WORKS}`);
  if (!looksLikeText(bytes)) {
    throw new ImportError('unsupported', `This file is not a document the importer can read (it is neither an Office document nor text). ${WHAT_WORKS}`);
  }
  return 'text';
}

/** Which Office document a zip package is, from its part names. */
export function officeKind(names: Set<string>): 'docx' | 'xlsx' {
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('[Content_Types].xml')) {
    throw new ImportError('unsupported', `This Office file is neither a Word document nor an Excel workbook. ${WHAT_WORKS}`);
  }
  throw new ImportError('unsupported', `This is a zip archive, not a Word or Excel document. ${WHAT_WORKS}`);
}

/** Whether a text file should be read as CSV first (else as Word's text export first). */
export function prefersCsv(text: string, fileName: string | undefined): boolean {
  if (fileName && /\.(csv|tsv)$/i.test(fileName)) return true;
  if (fileName && /\.txt$/i.test(fileName)) return false;
  const headerLine = text.split('\n').find((line) => /milestone/i.test(line)) ?? '';
  return /[,;]/.test(headerLine) && !headerLine.startsWith('\t');
}
