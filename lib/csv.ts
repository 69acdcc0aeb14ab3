/**
 * CSV (RFC 4180) for the history page and the server's dashboard. Small enough
 * not to need a library; what matters is done here once: quoting, CRLF, and
 * cells that a spreadsheet would run as a formula (CSV injection: a feed title or
 * a name starting with "=", "+", "-", "@", a tab or a carriage return) get a leading
 * apostrophe.
 */

export type CsvCell = string | number | null | undefined;

/** Excel reads UTF-8 (Indonesian names, "—") only when the file starts with a BOM. */
export const CSV_BOM = '\uFEFF';

/**
 * `,` by default; `;` where the spreadsheet expects it: Excel set to Bahasa Indonesia
 * (and most of Europe) uses the comma for decimals and splits CSV on semicolons.
 */
export type CsvDelimiter = ',' | ';';

function cell(value: CsvCell, delimiter: CsvDelimiter): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[], delimiter: CsvDelimiter = ','): string {
  return rows.map((row) => row.map((value) => cell(value, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}
