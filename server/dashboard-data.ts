import { sql, type Kysely } from 'kysely';
import { datePart, toNumber } from './db/connect';
import type { Database, ReportsTable } from './db/schema';

/** One day of reports for the office's dashboard, read with SQL over the reports table, in either dialect. */

export interface ItemCount {
  item_id: string;
  /** The post's title where the office has it (issue 17: title first, slug second). */
  title: string | null;
  item_url: string | null;
  shares: number;
  reporters: number;
  platforms: Record<string, number>;
}

export interface DayReport {
  date: string;
  shares: number;
  reporters: number;
  unverified: number;
  byItem: ItemCount[];
  byPlatform: { platform: string; shares: number }[];
  byUnit: { unit: string; shares: number; reporters: number }[];
  /** Every share of the day, oldest first. */
  list: ReportsTable[];
}

/**
 * The day of a share is the date in its own `shared_at` (RFC 3339 with the offset of
 * the feed's zone, PROTOCOL §3.3): the day as the civil servant lived it, in WIB, WITA
 * or WIT. The counts come from the rollups kept with every write (migration 0002,
 * server/store/report-writer.ts), never from a scan of the raw reports; the list reads
 * the day's latest `listLimit` shares through an index (all of them when not given).
 */
export async function readDay(db: Kysely<Database>, date: string, listLimit?: number): Promise<DayReport> {
  const rollups = db.selectFrom('report_rollups').where('day', '=', date);
  const reporters = db.selectFrom('report_reporters').where('day', '=', date);
  const totals = await rollups
    .select([sql<number>`coalesce(sum(shares), 0)`.as('shares'), sql<number>`coalesce(sum(unverified), 0)`.as('unverified')])
    .executeTakeFirstOrThrow();
  const peopleDays = db.selectFrom('report_people_days').where('day', '=', date);
  const people = await peopleDays.select(sql<number>`count(*)`.as('reporters')).executeTakeFirstOrThrow();
  const itemRows = await rollups
    .select(['item_id', 'platform', sql<string | null>`max(item_url)`.as('item_url'), sql<number>`sum(shares)`.as('shares')])
    .groupBy(['item_id', 'platform'])
    .execute();
  const itemReporters = await reporters.select(['item_id', sql<number>`count(*)`.as('reporters')]).groupBy('item_id').execute();
  const ids = [...new Set(itemRows.map((r) => r.item_id))];
  const titles = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const post of await db.selectFrom('posts').select(['id', 'title']).where('id', 'in', ids.slice(i, i + 500)).execute()) titles.set(post.id, post.title);
  }
  const items = new Map<string, ItemCount>();
  for (const row of itemRows) {
    const shares = toNumber(row.shares);
    const item = items.get(row.item_id) ?? { item_id: row.item_id, title: titles.get(row.item_id) ?? null, item_url: row.item_url, shares: 0, reporters: 0, platforms: {} };
    item.shares += shares;
    item.platforms[row.platform] = shares;
    item.item_url ??= row.item_url;
    items.set(row.item_id, item);
  }
  for (const row of itemReporters) {
    const item = items.get(row.item_id);
    if (item) item.reporters = toNumber(row.reporters);
  }
  const byPlatform = await rollups.select(['platform', sql<number>`sum(shares)`.as('shares')]).groupBy('platform').execute();
  const unitShares = await rollups.select(['unit', sql<number>`sum(shares)`.as('shares')]).groupBy('unit').execute();
  const unitReporters = new Map(
    (await peopleDays.select(['unit', sql<number>`count(*)`.as('reporters')]).groupBy('unit').execute()).map((r) => [r.unit, toNumber(r.reporters)]),
  );
  const day = db.selectFrom('reports').where(datePart('shared_at'), '=', date);
  const list =
    listLimit === undefined
      ? await day.selectAll().orderBy(datePart('shared_at')).orderBy('shared_at').orderBy('received_at').orderBy('id').execute()
      : (
          await day
            .selectAll()
            .orderBy(datePart('shared_at'), 'desc')
            .orderBy('shared_at', 'desc')
            .orderBy('received_at', 'desc')
            .orderBy('id', 'desc')
            .limit(listLimit)
            .execute()
        ).reverse();
  const bySharesThenName = <T extends { shares: number }>(name: (row: T) => string) => (a: T, b: T) => b.shares - a.shares || name(a).localeCompare(name(b));
  return {
    date,
    shares: toNumber(totals.shares),
    reporters: toNumber(people.reporters),
    unverified: toNumber(totals.unverified),
    byItem: [...items.values()].sort((a, b) => b.shares - a.shares || a.item_id.localeCompare(b.item_id)),
    byPlatform: byPlatform.map((r) => ({ platform: r.platform, shares: toNumber(r.shares) })).sort(bySharesThenName((r) => r.platform)),
    byUnit: unitShares.map((r) => ({ unit: r.unit, shares: toNumber(r.shares), reporters: unitReporters.get(r.unit) ?? 0 })).sort(bySharesThenName((r) => r.unit)),
    list,
  };
}

export async function recentReports(db: Kysely<Database>, limit: number): Promise<ReportsTable[]> {
  return db.selectFrom('reports').selectAll().orderBy('received_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export const DASHBOARD_CSV_COLUMNS = [
  'shared_at',
  'received_at',
  'reporter_id',
  'reporter_name',
  'reporter_unit',
  'verified',
  'item_id',
  'item_url',
  'platform',
  'status',
  'method',
  'post_url',
  'feed_url',
  'id',
] as const;

export function dashboardCsvRows(list: readonly ReportsTable[]): string[][] {
  return list.map((r) => [
    r.shared_at,
    r.received_at,
    r.reporter_id,
    r.reporter_name,
    r.reporter_unit,
    r.verified ? 'yes' : 'no',
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
