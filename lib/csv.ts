/**
 * CSV (RFC 4180) for the history page and the server's dashboard. Small enough
 * not to need a library; what matters is done here once: quoting, CRLF, and
 * cells that a spreadsheet would run as a formula (CSV injection: a feed title or
 * a name starting with "=", "+", "-", "@", also right after a ";") get an apostrophe.
 */

export type CsvCell = string | number | null | undefined;

/** Excel reads UTF-8 (Indonesian names, "—") only when the file starts with a BOM. */
export const CSV_BOM = '\uFEFF';

/** Characters that start a formula, at the start of the cell or after a `;` (a separator some locales' spreadsheets split on). */
const FORMULA_START = /(^|;)([=+\-@\t\r])/g;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string') text = text.replace(FORMULA_START, "$1'$2");
  // Quoted when it holds a separator: a comma, or a semicolon (Indonesian Excel splits on ";").
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
