import { sql, type Kysely } from 'kysely';
import { toNumber } from '../db/connect';
import type { Database, ReportsTable } from '../db/schema';
import type { DateRange } from './date-range';
import { participationByUnit, type UnitParticipation } from './participation';
import type { DayCount } from './trend';

/**
 * The dashboard over a date range (`/dashboard`), read from the rollups kept with every
 * write (migrations 0002 and 0004, server/store/report-writer.ts), the same SQL on
 * SQLite and PostgreSQL, never an aggregate over the raw reports:
 * - `report_rollups` (day × unit × platform × post): shares, unverified ones apart;
 * - `report_person_days` / `report_person_posts`: verified shares per enrolled person
 *   and day (and post), so that people who shared over a range are counted exactly
 *   (distinct people, not summed daily counts);
 * - `report_post_totals`: a post's sharers over all time and the days it was shared.
 * People and their sharing count under the unit of the office's record (`people.unit`),
 * like the enrolled people they are compared with.
 * Only the latest-shares list reads raw reports, a page of them through an index.
 * A share's day is the date in its own `shared_at` (its offset: WIB, WITA or WIT).
 */

export interface PersonShares {
  nip: string;
  name: string;
  unit: string;
  shares: number;
}

export interface Summary {
  /** Every share in the range, verified or not. */
  shares: number;
  unverified: number;
  /** Enrolled people who shared at least once in the range. */
  sharers: number;
  participation: (UnitParticipation & { shares: number })[];
  /** Unverified shares (legacy shared token, open demo) by the unit their reports claim. */
  unverifiedByUnit: { unit: string; shares: number }[];
  /** Every share of the post (`unverified` of them on the legacy token); sharers: enrolled people. */
  byPost: { item_id: string; title: string | null; item_url: string | null; shares: number; unverified: number; sharers: number }[];
  /** Every share on the platform, verified or not. */
  byPlatform: { platform: string; shares: number }[];
  byPerson: PersonShares[];
  /** Every share a day; sharers: enrolled people who shared that day. */
  trend: DayCount[];
  /** The latest shares with their post links. */
  list: ListedShare[];
}

/** A share as the list and the export show it: under the office's record of the person where there is one. */
export type ListedShare = Pick<ReportsTable, 'id' | 'shared_at' | 'item_id' | 'item_url' | 'platform' | 'status' | 'method' | 'post_url' | 'verified'> & { nip: string; name: string; unit: string };

export const PEOPLE_SHOWN = 50;
export const POSTS_SHOWN = 200;
export const LIST_SHOWN = 500;

const n = toNumber;

export async function readSummary(db: Kysely<Database>, range: DateRange): Promise<Summary> {
  const rollups = () => db.selectFrom('report_rollups').where('day', '>=', range.from).where('day', '<=', range.to);
  const personDays = () => db.selectFrom('report_person_days').where('day', '>=', range.from).where('day', '<=', range.to);
  const personPosts = () => db.selectFrom('report_person_posts').where('day', '>=', range.from).where('day', '<=', range.to);

  const totals = await rollups()
    .select([sql<number>`coalesce(sum(shares), 0)`.as('shares'), sql<number>`coalesce(sum(unverified), 0)`.as('unverified')])
    .executeTakeFirstOrThrow();
  const enrolled = await db.selectFrom('people').where('revoked_at', 'is', null).select(['unit', sql<number>`count(*)`.as('people')]).groupBy('unit').execute();
  // People who shared on some day of the range, per unit of the office's record (the same
  // record the enrolled count uses): one index probe a person (migration 0007).
  const perUnit = await db
    .selectFrom('people')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('report_person_days')
          .whereRef('report_person_days.person_id', '=', 'people.id')
          .where('report_person_days.day', '>=', range.from)
          .where('report_person_days.day', '<=', range.to)
          .select(sql`1`.as('one')),
      ),
    )
    .select(['unit', sql<number>`count(*)`.as('people')])
    .groupBy('unit')
    .execute();
  // Verified shares per unit: the rollups' shares less the legacy token's.
  const unitShares = await rollups()
    .select(['unit', sql<number>`sum(shares - unverified)`.as('shares')])
    .groupBy('unit')
    .having(sql<number>`sum(shares - unverified)`, '>', 0)
    .execute();
  const unverifiedByUnit = await rollups().where('unverified', '>', 0).select(['unit', sql<number>`sum(unverified)`.as('shares')]).groupBy('unit').orderBy('shares', 'desc').limit(100).execute();

  const posts = await rollups()
    .select(['item_id', sql<string | null>`max(item_url)`.as('item_url'), sql<number>`sum(shares)`.as('shares'), sql<number>`sum(unverified)`.as('unverified')])
    .groupBy('item_id')
    .orderBy('shares', 'desc')
    .orderBy('item_id')
    .limit(POSTS_SHOWN)
    .execute();
  const postIds = posts.map((p) => p.item_id);
  const postSharers = new Map<string, number>();
  const titles = new Map<string, string>();
  for (let i = 0; i < postIds.length; i += 100) {
    const ids = postIds.slice(i, i + 100);
    // A post whose every sharer shared it inside the range has its all-time count there
    // (migration 0007); a post also shared outside the range is counted from its person-posts,
    // distinct (post, person) first: someone who shared it on two days is one sharer.
    const straddling: string[] = [];
    for (const row of await db.selectFrom('report_post_totals').select(['item_id', 'sharers', 'first_day', 'last_day']).where('item_id', 'in', ids).execute()) {
      if (row.first_day >= range.from && row.last_day <= range.to) postSharers.set(row.item_id, n(row.sharers));
      else straddling.push(row.item_id);
    }
    if (straddling.length > 0) {
      for (const row of await db
        .selectFrom(personPosts().where('item_id', 'in', straddling).select(['item_id', 'person_id']).distinct().as('p'))
        .select(['item_id', sql<number>`count(*)`.as('sharers')])
        .groupBy('item_id')
        .execute()) {
        postSharers.set(row.item_id, n(row.sharers));
      }
    }
    for (const post of await db.selectFrom('posts').select(['id', 'title']).where('id', 'in', ids).execute()) titles.set(post.id, post.title);
  }

  const byPlatform = await rollups()
    .select(['platform', sql<number>`sum(shares)`.as('shares')])
    .groupBy('platform')
    .orderBy('shares', 'desc')
    .orderBy('platform')
    .execute();
  const topPeople = await personDays().select(['person_id', sql<number>`sum(shares)`.as('shares')]).groupBy('person_id').orderBy('shares', 'desc').orderBy('person_id').limit(PEOPLE_SHOWN).execute();
  const people = new Map(
    topPeople.length === 0
      ? []
      : (await db.selectFrom('people').select(['id', 'nip', 'name', 'unit']).where('id', 'in', topPeople.map((p) => p.person_id)).execute()).map((p) => [p.id, p]),
  );
  const dayShares = await rollups().select(['day', sql<number>`sum(shares)`.as('shares')]).groupBy('day').execute();
  const daySharers = new Map((await personDays().select(['day', sql<number>`count(*)`.as('sharers')]).groupBy('day').execute()).map((r) => [r.day, n(r.sharers)]));
  const day = sql<string>`substr(reports.shared_at, 1, 10)`;
  const list = await db
    .selectFrom('reports')
    .where(day, '>=', range.from)
    .where(day, '<=', range.to)
    .leftJoin('people', 'people.id', 'reports.person_id')
    .select(SHARE_COLUMNS)
    .orderBy(day, 'desc')
    .orderBy('reports.shared_at', 'desc')
    .orderBy('reports.received_at', 'desc')
    .orderBy('reports.id', 'desc')
    .limit(LIST_SHOWN)
    .execute();

  const shares = new Map(unitShares.map((row) => [row.unit, n(row.shares)]));
  return {
    shares: n(totals.shares),
    unverified: n(totals.unverified),
    // Each person is in one unit of the office's record: the units' counts add up.
    sharers: perUnit.reduce((sum, row) => sum + n(row.people), 0),
    participation: participationByUnit(
      enrolled.map((row) => ({ unit: row.unit, people: n(row.people) })),
      perUnit.map((row) => ({ unit: row.unit, people: n(row.people) })),
    ).map((row) => ({ ...row, shares: shares.get(row.unit) ?? 0 })),
    unverifiedByUnit: unverifiedByUnit.map((row) => ({ unit: row.unit, shares: n(row.shares) })),
    byPost: posts.map((row) => ({ item_id: row.item_id, title: titles.get(row.item_id) ?? null, item_url: row.item_url, shares: n(row.shares), unverified: n(row.unverified), sharers: postSharers.get(row.item_id) ?? 0 })),
    byPlatform: byPlatform.map((row) => ({ platform: row.platform, shares: n(row.shares) })),
    byPerson: topPeople.flatMap((row) => {
      const person = people.get(row.person_id);
      return person ? [{ nip: person.nip, name: person.name, unit: person.unit, shares: n(row.shares) }] : [];
    }),
    trend: dayShares.map((row) => ({ date: row.day, shares: n(row.shares), sharers: daySharers.get(row.day) ?? 0 })),
    list: list.map((row) => ({ ...row, verified: n(row.verified) })),
  };
}

export const SUMMARY_CSV_COLUMNS = ['shared_at', 'nip', 'name', 'unit', 'verified', 'item_id', 'item_url', 'platform', 'status', 'method', 'post_url', 'id'] as const;

/** The columns of a listed or exported share (reports left-joined to people). */
export const SHARE_COLUMNS = [
  'reports.id as id',
  'reports.shared_at as shared_at',
  sql<string>`coalesce(people.nip, reports.reporter_id)`.as('nip'),
  sql<string>`coalesce(people.name, reports.reporter_name)`.as('name'),
  sql<string>`coalesce(people.unit, reports.reporter_unit)`.as('unit'),
  'reports.item_id as item_id',
  'reports.item_url as item_url',
  'reports.platform as platform',
  'reports.status as status',
  'reports.method as method',
  'reports.post_url as post_url',
  'reports.verified as verified',
] as const;
