import { toCsv } from '../lib/csv';
import type { IssuedCode } from './store/people';

/** The codes an import or a re-issue made, as `nip,name,unit,code,link` (the link is `<origin>/daftar#<code>`). */
export const CODES_CSV_COLUMNS = ['nip', 'name', 'unit', 'code', 'link'] as const;

export const enrollmentLink = (origin: string, code: string) => `${origin}/daftar#${code}`;

export function codesCsv(origin: string, issued: readonly IssuedCode[]): string {
  return toCsv([CODES_CSV_COLUMNS, ...issued.map((p) => [p.nip, p.name, p.unit, p.code, enrollmentLink(origin, p.code)])]);
}
