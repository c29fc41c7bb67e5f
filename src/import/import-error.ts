// The one error the importer throws: its message is shown to the user as it is.

export type ImportErrorCode =
  | 'empty'
  | 'too-large'
  | 'encrypted'
  | 'corrupt'
  | 'unsupported'
  | 'no-table'
  /** Over a limit of src/import/limits.ts, or the reader ran out of time or memory. */
  | 'too-complex'
  /** The user has uploaded too many files in a short time (see services/import-preview.ts). */
  | 'too-many';

export class ImportError extends Error {
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
  }
}
