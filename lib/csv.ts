/**
 * CSV (RFC 4180) for the history page and the server's dashboard. Small enough
 * not to need a library; what matters is done here once: quoting, CRLF, and
 * cells that a spreadsheet would run as a formula (CSV injection: a feed title or
 * a name starting with "=", "+", "-", "@") get a leading apostrophe.
 */

export type CsvCell = string | number | null | undefined;

/** Excel reads UTF-8 (Indonesian names, "—") only when the file starts with a BOM. */
export const CSV_BOM = '\uFEFF';

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
