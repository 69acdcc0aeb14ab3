import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../migrate';
import { createMonthPartitions, monthsBetween } from '../../scale/partitions';

/**
 * Issue 15, growth on PostgreSQL (docs/SCALE.md):
 * - `report_ids` holds each report id once: idempotency stays a unique constraint even
 *   where `reports` is partitioned (a unique constraint on a partitioned table must
 *   include the partition key, so `reports` itself can only be unique on (id, received_at));
 * - `report_rollups` (day × unit × platform × post) and `report_reporters` (who shared
 *   what on which day, once) let the dashboard count without scanning raw reports;
 * - on PostgreSQL `reports` becomes partitioned by month of `received_at` (text in the
 *   "C" collation, so that ISO instants compare as they sort), for retention by DROP.
 * On SQLite `reports` stays one table; the other tables are the same on both.
 */
export async function up(db: Kysely<unknown>, kind: DialectKind): Promise<void> {
  await sql`CREATE TABLE report_ids (id text PRIMARY KEY, received_at text NOT NULL)`.execute(db);
  await sql`CREATE INDEX report_ids_received_at ON report_ids (received_at)`.execute(db);
  await sql`INSERT INTO report_ids (id, received_at) SELECT id, received_at FROM reports`.execute(db);

  const count = kind === 'postgres' ? 'bigint' : 'integer';
  await sql`CREATE TABLE report_rollups (
    day text NOT NULL, unit text NOT NULL, platform text NOT NULL, item_id text NOT NULL,
    item_url text, shares ${sql.raw(count)} NOT NULL, unverified ${sql.raw(count)} NOT NULL,
    PRIMARY KEY (day, unit, platform, item_id))`.execute(db);
  await sql`INSERT INTO report_rollups (day, unit, platform, item_id, item_url, shares, unverified)
    SELECT substr(shared_at, 1, 10), reporter_unit, platform, item_id, max(item_url), count(*), sum(1 - verified)
    FROM reports GROUP BY substr(shared_at, 1, 10), reporter_unit, platform, item_id`.execute(db);

  await sql`CREATE TABLE report_reporters (
    day text NOT NULL, item_id text NOT NULL, reporter_id text NOT NULL, unit text NOT NULL,
    PRIMARY KEY (day, item_id, reporter_id))`.execute(db);
  await sql`INSERT INTO report_reporters (day, item_id, reporter_id, unit)
    SELECT substr(shared_at, 1, 10), item_id, reporter_id, min(reporter_unit)
    FROM reports GROUP BY substr(shared_at, 1, 10), item_id, reporter_id`.execute(db);

  // Who shared anything on a day, once: "reporters that day" and "per unit" without DISTINCT.
  await sql`CREATE TABLE report_people_days (day text NOT NULL, reporter_id text NOT NULL, unit text NOT NULL, PRIMARY KEY (day, reporter_id))`.execute(db);
  await sql`INSERT INTO report_people_days (day, reporter_id, unit)
    SELECT substr(shared_at, 1, 10), reporter_id, min(reporter_unit) FROM reports GROUP BY substr(shared_at, 1, 10), reporter_id`.execute(db);

  if (kind !== 'postgres') return;
  await sql`ALTER TABLE reports RENAME TO reports_before_partitioning`.execute(db);
  await sql`DROP INDEX reports_received_at`.execute(db);
  await sql`DROP INDEX reports_shared_day`.execute(db);
  await sql`CREATE TABLE reports (
    id text NOT NULL,
    feed_url text NOT NULL,
    item_id text NOT NULL,
    item_url text,
    platform text NOT NULL,
    status text NOT NULL,
    method text NOT NULL,
    post_url text,
    shared_at text NOT NULL,
    reporter_id text NOT NULL,
    reporter_name text NOT NULL,
    reporter_unit text NOT NULL,
    client_name text NOT NULL,
    client_version text NOT NULL,
    received_at text COLLATE "C" NOT NULL,
    person_id integer,
    verified integer NOT NULL DEFAULT 0,
    PRIMARY KEY (id, received_at)
  ) PARTITION BY RANGE (received_at)`.execute(db);
  await sql`CREATE INDEX reports_received_at ON reports (received_at, id)`.execute(db);
  // The dashboard's list of a day, in order, a page at a time.
  await sql`CREATE INDEX reports_shared_day ON reports ((substr(shared_at, 1, 10)), shared_at, received_at, id)`.execute(db);
  const span = await sql<{ first: string | null; last: string | null }>`SELECT min(received_at) AS first, max(received_at) AS last FROM reports_before_partitioning`.execute(db);
  const now = new Date().toISOString();
  const first = span.rows[0]?.first ?? now;
  await createMonthPartitions(db, monthsBetween(first < now ? first : now, now, 2));
  await sql`INSERT INTO reports SELECT * FROM reports_before_partitioning`.execute(db);
  await sql`DROP TABLE reports_before_partitioning`.execute(db);
}
