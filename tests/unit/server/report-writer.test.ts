import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openKantor } from '../../../server/app';
import type { Kantor } from '../../../server/context';
import type { ReportsTable } from '../../../server/db/schema';
import { seedRows } from '../../../server/scale/seed-load';
import { DATABASES, freshDatabase, type TestDatabase } from './databases';

/**
 * The group commit's writer (server/store/report-writer*.ts) on both databases: requests
 * that arrive together share one transaction, and each still gets its own outcome; the
 * rollups it writes are exactly what a scan of the raw reports gives.
 */

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

// Received now (PostgreSQL's partitions start with this month), shared over the last three days.
const rowsOf = (reports: number, seed: number, personIds?: readonly number[]) =>
  [...seedRows({ reports, days: 3, people: 30, units: 5, seed }, new Date(), personIds)].map((row) => ({ ...row, received_at: new Date().toISOString() }));

describe.each(DATABASES)('report writer on %s', (kind) => {
  let database: TestDatabase;
  let kantor: Kantor;
  const open = async () => {
    database = await freshDatabase(kind);
    kantor = await openKantor({ host: '127.0.0.1', port: 0, database: database.target });
  };
  afterEach(async () => {
    await kantor.siar.close();
    await database.drop();
  });
  const storedIds = async () => (await kantor.siar.db.selectFrom('reports').select('id').execute()).map((r) => r.id).sort();

  it('one group: a resend in one request and a new report in another, each answered for itself, one row each', async () => {
    await open();
    const [old, fresh, other] = rowsOf(3, 1) as [ReportsTable, ReportsTable, ReportsTable];
    expect(await kantor.reports.storeDurably([old])).toEqual(['accepted']);
    // Started in the same tick: one group, one transaction.
    const answers = await Promise.all([
      kantor.reports.storeDurably([old, fresh]),
      kantor.reports.storeDurably([other, { ...old }]),
      kantor.reports.storeDurably([{ ...fresh, platform: fresh.platform === 'x' ? 'facebook' : 'x' }]),
    ]);
    expect(answers).toEqual([['duplicate', 'accepted'], ['accepted', 'duplicate'], ['conflict']]);
    expect(await storedIds()).toEqual([old.id, fresh.id, other.id].sort());
  });

  it('one group with a request the database refuses: that request fails alone, the others are stored, nothing half-written', async () => {
    await open();
    const [a, b, c, d] = rowsOf(4, 2) as [ReportsTable, ReportsTable, ReportsTable, ReportsTable];
    const results = await Promise.allSettled([
      kantor.reports.storeDurably([a]),
      kantor.reports.storeDurably([b, { ...c, reporter_name: null as unknown as string }]),
      kantor.reports.storeDurably([d]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await storedIds()).toEqual([a.id, d.id].sort());
    // Its id was not claimed either: the client's resend, corrected, is stored.
    expect(await kantor.reports.storeDurably([b, c])).toEqual(['accepted', 'accepted']);
    const ids = await kantor.siar.db.selectFrom('report_ids').select('id').execute();
    expect(ids.map((r) => r.id).sort()).toEqual([a.id, b.id, c.id, d.id].sort());
  });

  it('writes the rollups a scan of the raw reports gives, over many groups with resends', async () => {
    await open();
    // Thirty enrolled people; the office's record puts every third in another unit than the reports claim.
    const created_at = new Date().toISOString();
    await kantor.siar.db.insertInto('people').values(Array.from({ length: 30 }, (_, i) => ({ nip: `1990010120200110${String(i).padStart(2, '0')}`, name: `ASN ${i}`, unit: i % 3 === 0 ? 'Unit pindahan' : `Unit ${i % 5}`, created_at }))).execute();
    const personIds = (await kantor.siar.db.selectFrom('people').select('id').orderBy('id').execute()).map((p) => p.id);
    const rows = rowsOf(900, 3, personIds);
    const unverified = rows.map((row, i) => (i % 7 === 0 ? { ...row, verified: 0, item_url: i % 2 ? null : row.item_url } : row));
    const requests: ReportsTable[][] = [];
    for (let i = 0; i < unverified.length; i += 3) requests.push(unverified.slice(i, i + 3));
    // Some groups concurrently, then resends of a few hundred: counted once.
    for (let i = 0; i < requests.length; i += 50) await Promise.all(requests.slice(i, i + 50).map((batch) => kantor.reports.storeDurably(batch)));
    await Promise.all(requests.slice(40, 140).map((batch) => kantor.reports.storeDurably(batch)));
    const db = kantor.siar.db;
    const rollups = await db.selectFrom('report_rollups').selectAll().orderBy('day').orderBy('unit').orderBy('platform').orderBy('item_id').execute();
    const scanned = await sql<Record<string, unknown>>`SELECT substr(shared_at, 1, 10) AS day, reporter_unit AS unit, platform, item_id,
        max(item_url) AS item_url, count(*) AS shares, sum(1 - verified) AS unverified
      FROM reports GROUP BY substr(shared_at, 1, 10), reporter_unit, platform, item_id ORDER BY 1, 2, 3, 4`.execute(db);
    const asNumbers = (list: Record<string, unknown>[]) => list.map((r) => ({ ...r, shares: Number(r.shares), unverified: Number(r.unverified) }));
    expect(rollups.length).toBeGreaterThan(20);
    expect(asNumbers(rollups)).toEqual(asNumbers(scanned.rows));
    // Per person (migration 0006): verified shares of enrolled people, under the unit on record.
    const personDays = await db.selectFrom('report_person_days').select(['day', 'person_id', 'unit', 'shares']).orderBy('day').orderBy('person_id').execute();
    const scannedPersonDays = await sql<Record<string, unknown>>`SELECT substr(reports.shared_at, 1, 10) AS day, reports.person_id, min(people.unit) AS unit, count(*) AS shares
      FROM reports JOIN people ON people.id = reports.person_id WHERE reports.verified = 1
      GROUP BY substr(reports.shared_at, 1, 10), reports.person_id ORDER BY 1, 2`.execute(db);
    const sharesAsNumbers = (list: Record<string, unknown>[]) => list.map((r) => ({ ...r, shares: Number(r.shares) }));
    expect(personDays.length).toBeGreaterThan(20);
    expect(personDays.some((r) => r.unit === 'Unit pindahan')).toBe(true);
    expect(sharesAsNumbers(personDays)).toEqual(sharesAsNumbers(scannedPersonDays.rows));
    const personPosts = await db.selectFrom('report_person_posts').select(['day', 'item_id', 'person_id']).orderBy('day').orderBy('item_id').orderBy('person_id').execute();
    const scannedPersonPosts = await sql`SELECT DISTINCT substr(reports.shared_at, 1, 10) AS day, reports.item_id, reports.person_id
      FROM reports JOIN people ON people.id = reports.person_id WHERE reports.verified = 1 ORDER BY 1, 2, 3`.execute(db);
    expect(personPosts).toEqual(scannedPersonPosts.rows);
    // Per post over all time (migration 0007's triggers): distinct sharers and the days it was shared.
    const postTotals = await db.selectFrom('report_post_totals').select(['item_id', 'sharers', 'first_day', 'last_day']).orderBy('item_id').execute();
    const scannedPostTotals = await sql<Record<string, unknown>>`SELECT reports.item_id, count(DISTINCT reports.person_id) AS sharers,
        min(substr(reports.shared_at, 1, 10)) AS first_day, max(substr(reports.shared_at, 1, 10)) AS last_day
      FROM reports JOIN people ON people.id = reports.person_id WHERE reports.verified = 1 GROUP BY reports.item_id ORDER BY 1`.execute(db);
    const sharersAsNumbers = (list: Record<string, unknown>[]) => list.map((r) => ({ ...r, sharers: Number(r.sharers) }));
    expect(postTotals.length).toBeGreaterThan(2);
    expect(sharersAsNumbers(postTotals)).toEqual(sharersAsNumbers(scannedPostTotals.rows));
    expect((await storedIds()).length).toBe(900);
  });
});
