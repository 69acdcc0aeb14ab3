import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../migrate';

/**
 * Exact counts of people over a range without a pass over every person-day (issue 13's
 * "each dashboard query ≤ 1 s with 1,000,000 reports"; 15's 10,000,000). Migration 0006
 * counts sharers per post and per unit by grouping every `report_person_posts` /
 * `report_person_days` row of the range: 600,000 rows for 30 days of a million reports.
 *
 * - Per post, `report_post_totals` keeps the post's sharers over all time and the first and
 *   last day anyone shared it. When all of a post's sharing lies inside the range (nearly
 *   always: a post lives for its day), its sharers in the range ARE that count; only posts
 *   shared on both sides of the range's edge are counted from `report_person_posts`.
 *   `report_post_people` (post × person) is what makes "a new sharer" exact.
 * - Per unit, one index probe a person (`report_person_days (person_id, day)`): did they
 *   share on any day of the range?
 *
 * Both tables are kept by triggers on `report_person_posts`, so every path that writes it
 * (the report writers, seed-load's bulk insert, the backfills) keeps them exact: on
 * PostgreSQL one statement-level trigger over the inserted rows (a transition table), on
 * SQLite row triggers. Rows that `ON CONFLICT DO NOTHING` skipped are not "inserted" for
 * either, so a resend never counts twice.
 */
export async function up(db: Kysely<unknown>, kind: DialectKind): Promise<void> {
  const count = kind === 'postgres' ? 'bigint' : 'integer';
  await sql`CREATE TABLE report_post_people (item_id text NOT NULL, person_id integer NOT NULL, PRIMARY KEY (item_id, person_id))`.execute(db);
  await sql`CREATE TABLE report_post_totals (
    item_id text PRIMARY KEY, sharers ${sql.raw(count)} NOT NULL, first_day text NOT NULL, last_day text NOT NULL)`.execute(db);
  await sql`CREATE INDEX report_person_days_person ON report_person_days (person_id, day)`.execute(db);

  // The backfill, before the triggers exist.
  await sql`INSERT INTO report_post_people (item_id, person_id) SELECT DISTINCT item_id, person_id FROM report_person_posts`.execute(db);
  await sql`INSERT INTO report_post_totals (item_id, sharers, first_day, last_day)
    SELECT item_id, count(DISTINCT person_id), min(day), max(day) FROM report_person_posts GROUP BY item_id`.execute(db);

  if (kind === 'postgres') {
    await sql`CREATE FUNCTION report_person_posts_totals() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        WITH pairs AS (
          INSERT INTO report_post_people (item_id, person_id) SELECT DISTINCT item_id, person_id FROM inserted
          ON CONFLICT DO NOTHING RETURNING item_id),
        added AS (SELECT item_id, count(*) AS n FROM pairs GROUP BY item_id),
        span AS (SELECT item_id, min(day) AS first_day, max(day) AS last_day FROM inserted GROUP BY item_id)
        INSERT INTO report_post_totals (item_id, sharers, first_day, last_day)
        SELECT span.item_id, coalesce(added.n, 0), span.first_day, span.last_day FROM span LEFT JOIN added ON added.item_id = span.item_id
        ON CONFLICT (item_id) DO UPDATE SET sharers = report_post_totals.sharers + excluded.sharers,
          first_day = least(report_post_totals.first_day, excluded.first_day),
          last_day = greatest(report_post_totals.last_day, excluded.last_day);
        RETURN NULL;
      END $$`.execute(db);
    await sql`CREATE TRIGGER report_person_posts_totals AFTER INSERT ON report_person_posts
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION report_person_posts_totals()`.execute(db);
  } else {
    await sql`CREATE TRIGGER report_person_posts_totals AFTER INSERT ON report_person_posts BEGIN
      INSERT INTO report_post_totals (item_id, sharers, first_day, last_day) VALUES (NEW.item_id, 0, NEW.day, NEW.day)
        ON CONFLICT (item_id) DO UPDATE SET first_day = min(first_day, excluded.first_day), last_day = max(last_day, excluded.last_day);
      INSERT INTO report_post_people (item_id, person_id) VALUES (NEW.item_id, NEW.person_id) ON CONFLICT DO NOTHING;
    END`.execute(db);
    await sql`CREATE TRIGGER report_post_people_count AFTER INSERT ON report_post_people BEGIN
      UPDATE report_post_totals SET sharers = sharers + 1 WHERE item_id = NEW.item_id;
    END`.execute(db);
  }
}
