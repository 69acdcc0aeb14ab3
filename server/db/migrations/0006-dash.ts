import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../migrate';

/**
 * One dashboard on rollups (issues 13 and 15). The participation rate needs people who
 * shared over a RANGE of days, per unit and per post; a count of distinct people cannot
 * be summed from per-day counts (someone sharing on Monday and Tuesday is one person),
 * so the rollups keep one row per person and day, and per person, post and day:
 * - `report_person_days`: verified shares of one enrolled person on one day, under the
 *   unit of the office's record when they shared (people, ranking, units, trend);
 * - `report_person_posts`: that the person shared that post that day (sharers per post).
 * Both are exact: a range's distinct count is a count over their rows, never a sum of
 * per-day counts. They replace migration 0002's `report_reporters` and
 * `report_people_days`, which were keyed on the id the report's body claimed.
 * `report_rollups` (day × unit × platform × post) stays for shares and unverified ones.
 * Existing reports are backfilled here.
 */
export async function up(db: Kysely<unknown>, kind: DialectKind): Promise<void> {
  const count = kind === 'postgres' ? 'bigint' : 'integer';
  await sql`DROP TABLE report_reporters`.execute(db);
  await sql`DROP TABLE report_people_days`.execute(db);
  await sql`CREATE TABLE report_person_days (
    day text NOT NULL, person_id integer NOT NULL, unit text NOT NULL, shares ${sql.raw(count)} NOT NULL,
    PRIMARY KEY (day, person_id))`.execute(db);
  await sql`CREATE TABLE report_person_posts (
    day text NOT NULL, item_id text NOT NULL, person_id integer NOT NULL,
    PRIMARY KEY (day, item_id, person_id))`.execute(db);
  const verified = sql`FROM reports JOIN people ON people.id = reports.person_id WHERE reports.verified = 1`;
  await sql`INSERT INTO report_person_days (day, person_id, unit, shares)
    SELECT substr(reports.shared_at, 1, 10), reports.person_id, min(people.unit), count(*) ${verified}
    GROUP BY substr(reports.shared_at, 1, 10), reports.person_id`.execute(db);
  await sql`INSERT INTO report_person_posts (day, item_id, person_id)
    SELECT DISTINCT substr(reports.shared_at, 1, 10), reports.item_id, reports.person_id ${verified}`.execute(db);
  // The export and the latest-shares list walk a range in order, a page at a time
  // (PostgreSQL has this index on its partitioned reports since migration 0002).
  if (kind === 'sqlite') {
    await sql`DROP INDEX reports_shared_day`.execute(db);
    await sql`CREATE INDEX reports_shared_day ON reports (substr(shared_at, 1, 10), shared_at, received_at, id)`.execute(db);
  }
}
