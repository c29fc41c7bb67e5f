// The one error the importer throws: its message is shown to the user as it is.

export type ImportErrorCode =
  | 'empty'
  | 'too-large'
  | 'encrypted'
  | 'corrupt'
  | 'unsupported'
  | 'no-table';

export class ImportError extends Error {
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
  }
}
