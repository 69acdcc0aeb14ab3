import { parse } from 'csv-parse/sync';
import { bothLanguages } from '../i18n/messages';

/**
 * `nip,name,unit[,email]` rows of a people CSV, checked all at once: every bad row is
 * reported with its line number and reason, and the caller writes nothing unless
 * there is none (PROTOCOL §6; issue 10).
 */

export interface PersonRow {
  line: number;
  nip: string;
  name: string;
  unit: string;
  email: string | null;
}

export interface RowProblem {
  line: number;
  reason: 'bad_nip' | 'duplicate_nip' | 'missing_name' | 'missing_unit' | 'bad_email' | 'bad_columns' | 'malformed_csv' | 'already_registered' | 'empty_file';
  /** Both languages, `id / en: what was found`, for the command line. */
  detail: string;
  /** What was found on the line (the NIP, the parser's message), shown after the reason. */
  extra: string;
}

/** An NIP (Nomor Induk Pegawai) is 18 digits: birth date, appointment month, sex, serial. */
export const NIP_PATTERN = /^\d{18}$/;

export function problem(line: number, reason: RowProblem['reason'], extra = ''): RowProblem {
  const both = bothLanguages(`csv.${reason}`);
  return { line, reason, detail: extra ? `${both}: ${extra}` : both, extra };
}

export function parsePeopleCsv(text: string): { rows: PersonRow[]; problems: RowProblem[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return { rows: [], problems: [problem(line, 'malformed_csv', (error as Error).message)] };
  }
  const rows: PersonRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  records.forEach(({ record, info }, index) => {
    const line = info.lines;
    if (index === 0 && /^nip$/i.test(record[0] ?? '')) return; // a header row
    if (record.length < 3 || record.length > 4) return void problems.push(problem(line, 'bad_columns'));
    const [nip = '', name = '', unit = '', email = ''] = record;
    const compact = nip.replace(/\s/g, '');
    if (!NIP_PATTERN.test(compact)) return void problems.push(problem(line, 'bad_nip', nip));
    if (seen.has(compact)) return void problems.push(problem(line, 'duplicate_nip', String(seen.get(compact))));
    seen.set(compact, line);
    if (!name) return void problems.push(problem(line, 'missing_name'));
    if (!unit) return void problems.push(problem(line, 'missing_unit'));
    if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return void problems.push(problem(line, 'bad_email', email));
    rows.push({ line, nip: compact, name, unit, email: email || null });
  });
  if (rows.length === 0 && problems.length === 0) problems.push(problem(0, 'empty_file'));
  return { rows, problems };
}
