import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../../lib/time/zoned-date';
import { openDatabase, toNumber, type SiarDb } from '../../../../server/db/connect';
import { migrateToLatest } from '../../../../server/db/migrate';
import type { Database } from '../../../../server/db/schema';
import { seedLoad, seedPeople, seedRows } from '../../../../server/scale/seed-load';
import { createMonthPartitions, monthsBetween } from '../../../../server/scale/partitions';
import { ReportStore, reportWriter } from '../../../../server/store/reports';
import { readSummary } from '../../../../server/stats/summary-data';
import { DATABASES, freshDatabase, type TestDatabase } from '../databases';

/**
 * The dashboard reads rollups (server/stats/summary-data.ts); here each of its figures is
 * compared with the same figure computed from the raw reports (joined to people), on
 * SQLite and PostgreSQL, for rollups written three ways: by the live writer (resends
 * included), by migration 0004's backfill, and by seed-load's bulk path. The ranges span
 * several days on which the same people shared, so summing per-day distinct counts fails.
 */

const NOW = new Date('2026-12-02T12:00:00.000Z');
const TODAY = '2026-12-02';
const RANGES = [
  { from: addDays(TODAY, -3), to: TODAY, days: 4 },
  { from: addDays(TODAY, -2), to: addDays(TODAY, -1), days: 2 },
  { from: TODAY, to: TODAY, days: 1 },
];
const OPTIONS = { reports: 900, days: 4, people: 30, units: 5, seed: 9 };

/** What the dashboard shows, from the raw reports: the reference the rollups must equal. */
async function fromRawReports(db: Kysely<Database>, range: { from: string; to: string }) {
  const day = sql<string>`substr(reports.shared_at, 1, 10)`;
  const inRange = () => db.selectFrom('reports').where(day, '>=', range.from).where(day, '<=', range.to);
  const verified = () => inRange().where('reports.verified', '=', 1).innerJoin('people', 'people.id', 'reports.person_id');
  const totals = await inRange().select([sql<number>`count(*)`.as('shares'), sql<number>`sum(1 - verified)`.as('unverified')]).executeTakeFirstOrThrow();
  const sharers = await verified().select(sql<number>`count(DISTINCT reports.person_id)`.as('n')).executeTakeFirstOrThrow();
  const units = await verified().select(['people.unit as unit', sql<number>`count(DISTINCT reports.person_id)`.as('sharers'), sql<number>`count(*)`.as('shares')]).groupBy('people.unit').execute();
  const posts = await inRange()
    .leftJoin('people', 'people.id', 'reports.person_id')
    .select([
      'reports.item_id as item_id',
      sql<number>`count(*)`.as('shares'),
      sql<number>`sum(1 - reports.verified)`.as('unverified'),
      sql<number>`count(DISTINCT CASE WHEN reports.verified = 1 THEN people.id END)`.as('sharers'),
    ])
    .groupBy('reports.item_id')
    .execute();
  const platforms = await inRange().select(['reports.platform as platform', sql<number>`count(*)`.as('shares')]).groupBy('reports.platform').execute();
  const people = await verified().select(['people.nip as nip', sql<number>`count(*)`.as('shares')]).groupBy('people.nip').execute();
  const trend = await inRange()
    .leftJoin('people', 'people.id', 'reports.person_id')
    .select([day.as('date'), sql<number>`count(*)`.as('shares'), sql<number>`count(DISTINCT CASE WHEN reports.verified = 1 THEN people.id END)`.as('sharers')])
    .groupBy(day)
    .execute();
  const unverifiedUnits = await inRange().where('reports.verified', '=', 0).select(['reports.reporter_unit as unit', sql<number>`count(*)`.as('shares')]).groupBy('reports.reporter_unit').execute();
  const byKey = <T>(rows: T[], key: (row: T) => string, value: (row: T) => unknown) => Object.fromEntries(rows.map((row) => [key(row), value(row)]));
  return {
    shares: toNumber(totals.shares),
    unverified: toNumber(totals.unverified),
    sharers: toNumber(sharers.n),
    units: byKey(units, (r) => r.unit, (r) => [toNumber(r.sharers), toNumber(r.shares)]),
    posts: byKey(posts, (r) => r.item_id, (r) => [toNumber(r.shares), toNumber(r.unverified), toNumber(r.sharers)]),
    platforms: byKey(platforms, (r) => r.platform, (r) => toNumber(r.shares)),
    people: byKey(people, (r) => r.nip, (r) => toNumber(r.shares)),
    trend: byKey(trend, (r) => r.date, (r) => [toNumber(r.shares), toNumber(r.sharers)]),
    unverifiedUnits: byKey(unverifiedUnits, (r) => r.unit, (r) => toNumber(r.shares)),
  };
}

async function expectRollupsEqualRaw(siar: SiarDb) {
  let checked = 0;
  for (const range of RANGES) {
    const raw = await fromRawReports(siar.db, range);
    const summary = await readSummary(siar.db, range);
    expect(summary.shares).toBe(raw.shares);
    expect(summary.unverified).toBe(raw.unverified);
    expect(summary.sharers).toBe(raw.sharers);
    const units = Object.fromEntries(summary.participation.filter((u) => u.sharers > 0).map((u) => [u.unit, [u.sharers, u.shares]]));
    expect(units).toEqual(raw.units);
    expect(Object.fromEntries(summary.byPost.map((p) => [p.item_id, [p.shares, p.unverified, p.sharers]]))).toEqual(raw.posts);
    expect(Object.fromEntries(summary.byPlatform.map((p) => [p.platform, p.shares]))).toEqual(raw.platforms);
    // The page shows the top people; each of them with the raw count, and no one above them left out.
    for (const person of summary.byPerson) expect(person.shares).toBe(raw.people[person.nip]);
    expect(summary.byPerson.length).toBe(Math.min(50, Object.keys(raw.people).length));
    expect(summary.byPerson[0]!.shares).toBe(Math.max(...(Object.values(raw.people) as number[])));
    expect(Object.fromEntries(summary.trend.map((d) => [d.date, [d.shares, d.sharers]]))).toEqual(raw.trend);
    expect(Object.fromEntries(summary.unverifiedByUnit.map((u) => [u.unit, u.shares]))).toEqual(raw.unverifiedUnits);
    // People shared on several days: a sum of per-day distinct counts would be wrong here.
    if (range.days > 1) expect(summary.trend.reduce((n, d) => n + d.sharers, 0)).toBeGreaterThan(summary.sharers);
    checked += raw.shares;
  }
  expect(checked).toBeGreaterThan(500);
}

async function enroll(siar: SiarDb): Promise<number[]> {
  const units = seedPeople(OPTIONS);
  const ids: number[] = [];
  for (const [i, unit] of units.entries()) {
    const { id } = await siar.db
      .insertInto('people')
      .values({ nip: `1990${String(i).padStart(14, '0')}`, name: `ASN ${i}`, unit, created_at: NOW.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(id);
  }
  return ids;
}

describe.each(DATABASES)('the dashboard rollups on %s', (kind) => {
  const open: { siar: SiarDb; database: TestDatabase }[] = [];
  afterEach(async () => {
    for (const { siar, database } of open.splice(0)) {
      await siar.close();
      await database.drop();
    }
  });
  async function fresh(upTo?: string): Promise<SiarDb> {
    const database = await freshDatabase(kind);
    const siar = await openDatabase(database.target);
    open.push({ siar, database });
    await migrateToLatest(siar, upTo);
    return siar;
  }

  it('written with each report (resends not counted twice) equal a count of the raw reports', async () => {
    const siar = await fresh();
    const rows = [...seedRows(OPTIONS, NOW, await enroll(siar))];
    // The days before NOW may be in last month, older than the partitions a new database has.
    if (kind === 'postgres') await createMonthPartitions(siar.db as unknown as Kysely<unknown>, monthsBetween(rows.map((r) => r.received_at).sort()[0]!, NOW.toISOString(), 2));
    const store = new ReportStore(reportWriter(siar));
    await store.storeDurably(rows.slice(0, 500));
    const outcomes = await store.storeDurably([...rows.slice(450, 500), ...rows.slice(500)]);
    expect(outcomes.slice(0, 50).every((o) => o === 'duplicate')).toBe(true);
    expect(rows.some((r) => r.verified === 0)).toBe(true);
    await expectRollupsEqualRaw(siar);
  }, 60_000);

  it('are backfilled from existing reports by the migrations (0002: per post, 0006: per person, 0007: sharers of a post)', async () => {
    const siar = await fresh('0001-initial');
    const rows = [...seedRows(OPTIONS, NOW, await enroll(siar))];
    for (let i = 0; i < rows.length; i += 100) await siar.db.insertInto('reports').values(rows.slice(i, i + 100)).execute();
    await migrateToLatest(siar);
    await expectRollupsEqualRaw(siar);
  }, 60_000);

  it('count a post shared on both sides of a range\'s edge once a person, and people under the unit of the office\'s record', async () => {
    const siar = await fresh();
    const person = async (nip: string, unit: string) =>
      (await siar.db.insertInto('people').values({ nip, name: nip, unit, created_at: NOW.toISOString() }).returning('id').executeTakeFirstOrThrow()).id;
    const [a, b, c] = [await person('A', 'U1'), await person('B', 'U1'), await person('C', 'U2')];
    const [d1, d2, d3] = [addDays(TODAY, -2), addDays(TODAY, -1), TODAY];
    const share = (id: string, personId: number, unit: string, item: string, day: string) => ({
      ...[...seedRows({ ...OPTIONS, reports: 1 }, NOW)][0]!,
      id, item_id: item, shared_at: `${day}T09:00:00+07:00`, person_id: personId, verified: 1, reporter_unit: unit,
    });
    const store = new ReportStore(reportWriter(siar));
    await store.storeDurably([share('a1', a, 'U1', 'P', d1), share('c1', c, 'U2', 'P', d1), share('b2', b, 'U1', 'P', d2)]);
    await store.storeDurably([share('a3', a, 'U1', 'P', d3), share('b3', b, 'U1', 'Q', d3)]);
    expect(await store.storeDurably([share('a3', a, 'U1', 'P', d3)])).toEqual(['duplicate']);
    // A moves to U2 after sharing: the office's record now counts A there, like its enrolled count does.
    await siar.db.updateTable('people').set({ unit: 'U2' }).where('id', '=', a).execute();
    const expected: [string, string, number, Record<string, number>, number, Record<string, number>][] = [
      [d1, d1, 1, { P: 2 }, 2, { U2: 2 }],
      [d2, d3, 2, { P: 2, Q: 1 }, 2, { U1: 1, U2: 1 }],
      [d3, d3, 1, { P: 1, Q: 1 }, 2, { U1: 1, U2: 1 }],
      [d1, d3, 3, { P: 3, Q: 1 }, 3, { U1: 1, U2: 2 }],
      [d2, d2, 1, { P: 1 }, 1, { U1: 1 }],
    ];
    for (const [from, to, days, posts, sharers, units] of expected) {
      const summary = await readSummary(siar.db, { from, to, days });
      expect([from, to, Object.fromEntries(summary.byPost.map((p) => [p.item_id, p.sharers]))]).toEqual([from, to, posts]);
      expect(summary.sharers).toBe(sharers);
      expect(Object.fromEntries(summary.participation.filter((u) => u.sharers > 0).map((u) => [u.unit, u.sharers]))).toEqual(units);
      const raw = await fromRawReports(siar.db, { from, to });
      expect(summary.sharers).toBe(raw.sharers);
    }
  });

  it('made in bulk by seed-load equal a count of the raw reports', async () => {
    const siar = await fresh();
    const written = await seedLoad(siar, OPTIONS, NOW);
    const { n } = await siar.db.selectFrom('reports').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    // PostgreSQL's seed drops the draws after NOW instead of drawing again: a few fewer.
    expect([written, toNumber(n)]).toEqual([written, written]);
    expect(written).toBeGreaterThan(OPTIONS.reports * 0.9);
    await expectRollupsEqualRaw(siar);
  }, 60_000);
});
