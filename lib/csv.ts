/**
 * CSV (RFC 4180) for the history page and the server's dashboard. Small enough
 * not to need a library; what matters is done here once: quoting, CRLF, and
 * cells that a spreadsheet would run as a formula (CSV injection: a feed title or
 * a name starting with "=", "+", "-", "@", a tab or a carriage return, also right after a ";")
 * get a leading apostrophe.
 */

export type CsvCell = string | number | null | undefined;

/** Excel reads UTF-8 (Indonesian names, "—") only when the file starts with a BOM. */
export const CSV_BOM = '\uFEFF';

/**
 * `,` by default; `;` where the spreadsheet expects it: Excel set to Bahasa Indonesia
 * (and most of Europe) uses the comma for decimals and splits CSV on semicolons.
 */
export type CsvDelimiter = ',' | ';';

/** Characters that start a formula, at the start of the cell or after a `;` (a separator some locales' spreadsheets split on). */
const FORMULA_START = /(^|;)([=+\-@\t\r])/g;

function cell(value: CsvCell, delimiter: CsvDelimiter): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string') text = text.replace(FORMULA_START, "$1'$2");
  // Quoted when it holds a separator: the delimiter, or a semicolon (Indonesian Excel splits on ";").
  const needsQuotes = text.includes(delimiter) || /[";\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[], delimiter: CsvDelimiter = ','): string {
  return rows.map((row) => row.map((value) => cell(value, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}
