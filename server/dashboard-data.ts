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
 * or WIT. An expression index (migration 0001) serves `substr(shared_at, 1, 10)`.
 */
export async function readDay(db: Kysely<Database>, date: string): Promise<DayReport> {
  const day = db.selectFrom('reports').where(datePart('shared_at'), '=', date);
  const totals = await day
    .select((eb) => [
      eb.fn.countAll<number>().as('shares'),
      sql<number>`count(DISTINCT reporter_id)`.as('reporters'),
      sql<number>`sum(CASE WHEN verified = 0 THEN 1 ELSE 0 END)`.as('unverified'),
    ])
    .executeTakeFirstOrThrow();
  const itemRows = await day
    .select((eb) => ['item_id', 'platform', eb.fn.max('item_url').as('item_url'), eb.fn.countAll<number>().as('shares')])
    .groupBy(['item_id', 'platform'])
    .execute();
  const itemReporters = await day.select(['item_id', sql<number>`count(DISTINCT reporter_id)`.as('reporters')]).groupBy('item_id').execute();
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
  const byPlatform = await day
    .select((eb) => ['platform', eb.fn.countAll<number>().as('shares')])
    .groupBy('platform')
    .orderBy('shares', 'desc')
    .orderBy('platform')
    .execute();
  const byUnit = await day
    .select((eb) => ['reporter_unit as unit', eb.fn.countAll<number>().as('shares'), sql<number>`count(DISTINCT reporter_id)`.as('reporters')])
    .groupBy('reporter_unit')
    .orderBy('shares', 'desc')
    .orderBy('reporter_unit')
    .execute();
  const list = await day.selectAll().orderBy('shared_at').orderBy('received_at').orderBy('id').execute();
  return {
    date,
    shares: toNumber(totals.shares),
    reporters: toNumber(totals.reporters),
    unverified: toNumber(totals.unverified),
    byItem: [...items.values()].sort((a, b) => b.shares - a.shares || a.item_id.localeCompare(b.item_id)),
    byPlatform: byPlatform.map((r) => ({ platform: r.platform, shares: toNumber(r.shares) })),
    byUnit: byUnit.map((r) => ({ unit: r.unit, shares: toNumber(r.shares), reporters: toNumber(r.reporters) })),
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
