import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HOUR_WEIGHTS, isChatPlatform, PLATFORM_WEIGHTS, SEED_PLATFORMS } from './load-model';
import { LATE_SHARE, seedPeople, UNVERIFIED_SHARE, wibDate, type SeedOptions } from './seed-load';

/**
 * seed-load on PostgreSQL, generated inside the database a day at a time: the same
 * model as seedRows() (load-model.ts weights, passed in as cumulative thresholds for
 * width_bucket), about twenty times faster than sending the rows, which is what makes
 * a 10,000,000-report dashboard measurable here. Each day's rows land in a temporary
 * table first, then in reports, report_ids and the rollups, as the live writer does.
 */

const thresholds = (weights: readonly number[]) => {
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => {
    const lower = sum / total;
    sum += w;
    return lower;
  });
};

export async function seedLoadPostgres(db: Kysely<Database>, options: SeedOptions, now: Date): Promise<number> {
  const personUnits = seedPeople(options);
  // Everyone enrolled, in one statement; a seed's reports name them by NIP.
  await sql`INSERT INTO people (nip, name, unit, created_at)
    SELECT '1990' || lpad((i - 1)::text, 14, '0'), 'ASN ' || (i - 1), unit, ${now.toISOString()}
    FROM unnest(${personUnits}::text[]) WITH ORDINALITY AS u(unit, i)
    ON CONFLICT (nip) DO NOTHING`.execute(db);
  const chat = SEED_PLATFORMS.filter(isChatPlatform);
  let written = 0;
  const perDay = Math.ceil(options.reports / options.days);
  for (let daysAgo = options.days - 1; daysAgo >= 0 && written < options.reports; daysAgo--) {
    const day = wibDate(daysAgo, now);
    const dayBefore = wibDate(daysAgo + 1, now);
    const count = Math.min(perDay, options.reports - written);
    await db.transaction().execute(async (trx) => {
      // A seed is not a live report: an fsync per day buys nothing here.
      await sql`SET LOCAL synchronous_commit = off`.execute(trx);
      await sql`SELECT setseed(${((options.seed + daysAgo) % 1000) / 1000})`.execute(trx);
      // In the transaction: a pooled connection's temporary table would not be there for the next one.
      await sql`CREATE TEMP TABLE seed_batch (LIKE reports) ON COMMIT DROP`.execute(trx);
      await sql`
        INSERT INTO seed_batch
        SELECT gen_random_uuid()::text, 'https://siar.example.go.id/feed.json', post_day || '-post-' || post,
          'https://www.example.go.id/berita/' || post_day || '/post-' || post, platform,
          CASE WHEN platform = ANY(${chat}::text[]) THEN 'confirmed' ELSE 'published' END,
          CASE WHEN platform = ANY(${chat}::text[]) THEN 'manual' ELSE 'composer' END,
          CASE WHEN platform = ANY(${chat}::text[]) THEN NULL ELSE 'https://' || platform || '.example/p/' || n END,
          to_char(local_at, 'YYYY-MM-DD"T"HH24:MI:SS') || '+07:00',
          '1990' || lpad(person::text, 14, '0'), 'ASN ' || person, people.unit,
          'siar', '1.0.0',
          to_char(local_at - interval '7 hours' + delay, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          CASE WHEN unverified THEN NULL ELSE people.id END, CASE WHEN unverified THEN 0 ELSE 1 END
        FROM (
          SELECT n, floor(random() * ${options.people})::int AS person,
            (${SEED_PLATFORMS}::text[])[width_bucket(random(), ${thresholds(Object.values(PLATFORM_WEIGHTS))}::float8[])] AS platform,
            floor(random() * 5)::int AS post,
            ${day}::timestamp + (width_bucket(random(), ${thresholds(HOUR_WEIGHTS)}::float8[]) - 1) * interval '1 hour'
              + floor(random() * 3600) * interval '1 second' AS local_at,
            interval '1 second' + floor(random() * 60000) * interval '1 millisecond' AS delay,
            random() < ${UNVERIFIED_SHARE} AS unverified,
            CASE WHEN random() < ${LATE_SHARE} THEN ${dayBefore} ELSE ${day} END AS post_day
          FROM generate_series(1, ${count}) AS n
        ) AS g
        JOIN people ON people.nip = '1990' || lpad(person::text, 14, '0')
        WHERE local_at - interval '7 hours' <= ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'`.execute(trx);
      await sql`INSERT INTO report_ids (id, received_at) SELECT id, received_at FROM seed_batch`.execute(trx);
      await sql`INSERT INTO reports SELECT * FROM seed_batch`.execute(trx);
      await sql`INSERT INTO report_rollups (day, unit, platform, item_id, item_url, shares, unverified)
        SELECT substr(shared_at, 1, 10), reporter_unit, platform, item_id, max(item_url), count(*), sum(1 - verified) FROM seed_batch
        GROUP BY 1, 2, 3, 4
        ON CONFLICT (day, unit, platform, item_id) DO UPDATE SET shares = report_rollups.shares + excluded.shares,
          unverified = report_rollups.unverified + excluded.unverified`.execute(trx);
      await sql`INSERT INTO report_person_days (day, person_id, unit, shares)
        SELECT substr(shared_at, 1, 10), person_id, min(reporter_unit), count(*) FROM seed_batch WHERE verified = 1 GROUP BY 1, 2
        ON CONFLICT (day, person_id) DO UPDATE SET shares = report_person_days.shares + excluded.shares`.execute(trx);
      await sql`INSERT INTO report_person_posts (day, item_id, person_id)
        SELECT DISTINCT substr(shared_at, 1, 10), item_id, person_id FROM seed_batch WHERE verified = 1
        ON CONFLICT DO NOTHING`.execute(trx);
      const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM seed_batch`.execute(trx);
      written += Number(rows[0]!.n);
    });
    options.progress?.(written);
  }
  return written;
}
