import type Database from 'better-sqlite3';
import { fromRow, type StoredReport } from './report-store';

/** One day of reports for the office's dashboard, read with SQL over the reports table. */

export interface ItemCount {
  item_id: string;
  item_url: string | null;
  shares: number;
  reporters: number;
  platforms: Record<string, number>;
}

export interface DayReport {
  date: string;
  shares: number;
  reporters: number;
  byItem: ItemCount[];
  byPlatform: { platform: string; shares: number }[];
  byUnit: { unit: string; shares: number; reporters: number }[];
  /** Every share of the day, oldest first. */
  list: StoredReport[];
}

/**
 * The day of a share is the date in its own `shared_at` (RFC 3339 with the offset of
 * the feed's zone, PROTOCOL §3.3): the day as the civil servant lived it, in WIB, WITA
 * or WIT. An expression index (report-store.ts) serves `substr(shared_at, 1, 10)`.
 */
export function readDay(db: Database.Database, date: string): DayReport {
  const where = 'WHERE substr(shared_at, 1, 10) = ?';
  const totals = db.prepare(`SELECT count(*) AS shares, count(DISTINCT reporter_id) AS reporters FROM reports ${where}`).get(date) as {
    shares: number;
    reporters: number;
  };
  const itemRows = db
    .prepare(
      `SELECT item_id, max(item_url) AS item_url, platform, count(*) AS shares FROM reports ${where}
       GROUP BY item_id, platform`,
    )
    .all(date) as { item_id: string; item_url: string | null; platform: string; shares: number }[];
  const itemReporters = db
    .prepare(`SELECT item_id, count(DISTINCT reporter_id) AS reporters FROM reports ${where} GROUP BY item_id`)
    .all(date) as { item_id: string; reporters: number }[];
  const items = new Map<string, ItemCount>();
  for (const row of itemRows) {
    const item = items.get(row.item_id) ?? { item_id: row.item_id, item_url: row.item_url, shares: 0, reporters: 0, platforms: {} };
    item.shares += row.shares;
    item.platforms[row.platform] = row.shares;
    item.item_url ??= row.item_url;
    items.set(row.item_id, item);
  }
  for (const row of itemReporters) {
    const item = items.get(row.item_id);
    if (item) item.reporters = row.reporters;
  }
  const byPlatform = db
    .prepare(`SELECT platform, count(*) AS shares FROM reports ${where} GROUP BY platform ORDER BY shares DESC, platform`)
    .all(date) as { platform: string; shares: number }[];
  const byUnit = db
    .prepare(
      `SELECT reporter_unit AS unit, count(*) AS shares, count(DISTINCT reporter_id) AS reporters FROM reports ${where}
       GROUP BY reporter_unit ORDER BY shares DESC, unit`,
    )
    .all(date) as { unit: string; shares: number; reporters: number }[];
  const list = db.prepare(`SELECT * FROM reports ${where} ORDER BY shared_at, rowid`).all(date) as Record<string, string | null>[];
  return {
    date,
    shares: totals.shares,
    reporters: totals.reporters,
    byItem: [...items.values()].sort((a, b) => b.shares - a.shares || a.item_id.localeCompare(b.item_id)),
    byPlatform,
    byUnit,
    list: list.map(fromRow),
  };
}

export const DASHBOARD_CSV_COLUMNS = [
  'shared_at',
  'received_at',
  'reporter_id',
  'reporter_name',
  'reporter_unit',
  'item_id',
  'item_url',
  'platform',
  'status',
  'method',
  'post_url',
  'feed_url',
  'id',
] as const;

export function dashboardCsvRows(list: readonly StoredReport[]): string[][] {
  return list.map((r) => [
    r.shared_at,
    r.received_at,
    r.reporter.id,
    r.reporter.name,
    r.reporter.unit,
    r.item_id,
    r.item_url ?? '',
    r.platform,
    r.status,
    r.method,
    r.post_url ?? '',
    r.feed_url,
    r.id,
  ]);
}
