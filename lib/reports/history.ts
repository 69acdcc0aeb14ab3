import { addDays } from '../time/zoned-date';
import type { ShareRecord } from './types';

/** The history page's view of the shares (docs/protocol.md §5 hooks), as pure functions. */

export type HistoryStatus = 'pending' | 'published' | 'confirmed' | 'failed';

/**
 * docs/protocol.md §5: `pending` while the report waits in the outbox or no receiver is
 * known; `published` / `confirmed` once the receiver accepted it; `failed` when rejected.
 */
export function historyStatus(record: ShareRecord): HistoryStatus {
  if (record.delivery === 'delivered') return record.report.status;
  if (record.delivery === 'failed') return 'failed';
  return 'pending';
}

/** The calendar date of a share where it was made: shared_at carries the feed's offset. */
export function shareDay(record: ShareRecord): string {
  return record.report.shared_at.slice(0, 10);
}

/** Shares whose day lies in [from, to]; an empty bound is open. Dates are YYYY-MM-DD. */
export function filterByDay(records: readonly ShareRecord[], from: string, to: string): ShareRecord[] {
  return records.filter((record) => {
    const day = shareDay(record);
    return (!from || day >= from) && (!to || day <= to);
  });
}

export interface DayCount {
  date: string;
  count: number;
}

/** Shares per day for the `days` days that end with `today`, oldest first, zeros included. */
export function sharesPerDay(records: readonly ShareRecord[], today: string, days = 30): DayCount[] {
  const counts = new Map<string, number>();
  for (const record of records) {
    const day = shareDay(record);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(today, i - days + 1);
    return { date, count: counts.get(date) ?? 0 };
  });
}

export const HISTORY_CSV_COLUMNS = [
  'shared_at',
  'item_title',
  'item_id',
  'item_url',
  'platform',
  'status',
  'method',
  'post_url',
  'reason',
  'report_id',
  'feed_url',
  'receiver',
] as const;

/** One CSV row per share, columns as HISTORY_CSV_COLUMNS. */
export function historyCsvRows(records: readonly ShareRecord[]): string[][] {
  return records.map((record) => [
    record.report.shared_at,
    record.title,
    record.report.item_id,
    record.report.item_url ?? '',
    record.report.platform,
    historyStatus(record),
    record.report.method,
    record.report.post_url ?? '',
    record.delivery === 'failed' ? (record.reason ?? '') : '',
    record.report.id,
    record.report.feed_url,
    record.receiver ?? '',
  ]);
}
