// CSV cells a spreadsheet would run as a formula are written as text: a cell starting with =, +, -, @, a tab or a
// carriage return gets a leading apostrophe (OWASP's advice), so "-2+3+cmd|' /C calc'!A0" shows as typed.
// Numbers stay numbers: only text is changed.

const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCsvCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** Every cell of every row made safe. */
export function safeCsvRows<T>(rows: readonly (readonly T[])[]): (T | string)[][] {
  return rows.map((row) => row.map(safeCsvCell));
}
