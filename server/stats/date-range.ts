import { addDays } from '../../lib/time/zoned-date';
import { problem, type Problem } from '../problems';

/**
 * The dashboard's date filter: `from` and `to` are calendar dates (YYYY-MM-DD) in the
 * office's zone, both included. Default: the last 7 days to today. At most a year,
 * so one request cannot ask the database for everything at once.
 */

export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 7;

export interface DateRange {
  from: string;
  to: string;
  days: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function readDateRange(query: { from?: string; to?: string }, today: string): { ok: true; range: DateRange } | { ok: false; problem: Problem } {
  const to = query.to || today;
  if (!isRealDate(to)) return { ok: false, problem: problem('bad_date', {}, 'to') };
  const from = query.from || addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (!isRealDate(from)) return { ok: false, problem: problem('bad_date', {}, 'from') };
  const days = daysBetween(from, to);
  if (days < 1) return { ok: false, problem: problem('range_order', { from, to }, 'to') };
  if (days > MAX_RANGE_DAYS) return { ok: false, problem: problem('range_too_long', { max: MAX_RANGE_DAYS }, 'from') };
  return { ok: true, range: { from, to, days } };
}

/** Every date of the range, in order. */
export function datesOf(range: DateRange): string[] {
  return Array.from({ length: range.days }, (_, i) => addDays(range.from, i));
}
