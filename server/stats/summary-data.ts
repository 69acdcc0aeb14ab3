import { sql, type Kysely } from 'kysely';
import { toNumber } from '../db/connect';
import type { Database } from '../db/schema';
import type { DateRange } from './date-range';
import { participationByUnit, type UnitParticipation } from './participation';
import type { DayCount } from './trend';

/**
 * The summary over a date range (`/rekap`), in SQL over `reports` joined to `people`:
 * verified shares are counted under the person and the unit of the office's record
 * (not what the body claimed); unverified ones (legacy shared token, open demo) apart.
 * A share's day is the date in its own `shared_at` (its offset: WIB, WITA or WIT).
 */

export interface PersonShares {
  nip: string;
  name: string;
  unit: string;
  shares: number;
}

export interface Summary {
  shares: number;
  unverified: number;
  participation: UnitParticipation[];
  byPost: { item_id: string; title: string | null; item_url: string | null; shares: number; sharers: number }[];
  byPlatform: { platform: string; shares: number }[];
  byPerson: PersonShares[];
  trend: DayCount[];
  /** The latest shares with their post links (at most 500). */
  list: { shared_at: string; nip: string; name: string; unit: string; item_id: string; platform: string; post_url: string | null; verified: number }[];
}

export async function readSummary(db: Kysely<Database>, range: DateRange): Promise<Summary> {
  const day = sql<string>`substr(reports.shared_at, 1, 10)`;
  const inRange = db.selectFrom('reports').where(day, '>=', range.from).where(day, '<=', range.to);
  const verified = inRange.where('reports.verified', '=', 1).innerJoin('people', 'people.id', 'reports.person_id');

  const totals = await inRange
    .select([sql<number>`count(*)`.as('shares'), sql<number>`sum(CASE WHEN verified = 0 THEN 1 ELSE 0 END)`.as('unverified')])
    .executeTakeFirstOrThrow();
  const enrolled = await db.selectFrom('people').where('revoked_at', 'is', null).select(['unit', sql<number>`count(*)`.as('people')]).groupBy('unit').execute();
  const sharers = await verified.select(['people.unit as unit', sql<number>`count(DISTINCT reports.person_id)`.as('people')]).groupBy('people.unit').execute();
  const byPost = await verified
    .leftJoin('posts', 'posts.id', 'reports.item_id')
    .select([
      'reports.item_id as item_id',
      sql<string | null>`max(posts.title)`.as('title'),
      sql<string | null>`max(reports.item_url)`.as('item_url'),
      sql<number>`count(*)`.as('shares'),
      sql<number>`count(DISTINCT reports.person_id)`.as('sharers'),
    ])
    .groupBy('reports.item_id')
    .orderBy('shares', 'desc')
    .limit(200)
    .execute();
  const byPlatform = await verified.select(['reports.platform as platform', sql<number>`count(*)`.as('shares')]).groupBy('reports.platform').orderBy('shares', 'desc').execute();
  const byPerson = await verified
    .select(['people.nip as nip', 'people.name as name', 'people.unit as unit', sql<number>`count(*)`.as('shares')])
    .groupBy(['people.nip', 'people.name', 'people.unit'])
    .orderBy('shares', 'desc')
    .limit(500)
    .execute();
  const trend = await verified
    .select([day.as('date'), sql<number>`count(*)`.as('shares'), sql<number>`count(DISTINCT reports.person_id)`.as('sharers')])
    .groupBy(day)
    .execute();
  const list = await inRange
    .leftJoin('people', 'people.id', 'reports.person_id')
    .select([
      'reports.shared_at as shared_at',
      sql<string>`coalesce(people.nip, reports.reporter_id)`.as('nip'),
      sql<string>`coalesce(people.name, reports.reporter_name)`.as('name'),
      sql<string>`coalesce(people.unit, reports.reporter_unit)`.as('unit'),
      'reports.item_id as item_id',
      'reports.platform as platform',
      'reports.post_url as post_url',
      'reports.verified as verified',
    ])
    .orderBy(day, 'desc')
    .orderBy('reports.shared_at', 'desc')
    .limit(500)
    .execute();
  const n = <T extends Record<string, unknown>>(rows: T[], ...keys: (keyof T)[]) => rows.map((row) => ({ ...row, ...Object.fromEntries(keys.map((k) => [k, toNumber(row[k] as number)])) }));
  return {
    shares: toNumber(totals.shares),
    unverified: toNumber(totals.unverified),
    participation: participationByUnit(n(enrolled, 'people'), n(sharers, 'people')),
    byPost: n(byPost, 'shares', 'sharers'),
    byPlatform: n(byPlatform, 'shares'),
    byPerson: n(byPerson, 'shares'),
    trend: n(trend, 'shares', 'sharers'),
    list: n(list, 'verified'),
  };
}

export const SUMMARY_CSV_COLUMNS = ['shared_at', 'nip', 'name', 'unit', 'item_id', 'platform', 'post_url', 'verified'] as const;
