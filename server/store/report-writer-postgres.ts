import { CompiledQuery, type Kysely } from 'kysely';
import type { Database, ReportsTable } from '../db/schema';
import { writeBatches, type ReportWriter, type WriteSteps } from './report-writer';

/**
 * The report writer on PostgreSQL: ONE statement a group, whatever its size, in autocommit
 * (synchronous_commit on: it returns once the WAL is flushed, atomically, like a
 * transaction of one statement). The group's rows go as one array a column through
 * `unnest`; data-modifying CTEs claim the ids in `report_ids` (the unique constraint that
 * makes a resend a duplicate), insert the claimed rows, and add them to the rollups (the
 * same sums as `rollupsOf`, made in SQL from the claimed rows, keys in sorted order so that
 * two instances wait for each other instead of deadlocking). One round trip a group: at
 * concurrency 1 a report costs one round trip and one WAL flush, not four round trips.
 * Only when some ids were already there is the stored copy read, to tell a resend from a
 * reused id.
 */

const REPORT_COLUMNS: [keyof ReportsTable, string][] = [
  ['id', 'text'], ['feed_url', 'text'], ['item_id', 'text'], ['item_url', 'text'], ['platform', 'text'], ['status', 'text'],
  ['method', 'text'], ['post_url', 'text'], ['shared_at', 'text'], ['reporter_id', 'text'], ['reporter_name', 'text'],
  ['reporter_unit', 'text'], ['client_name', 'text'], ['client_version', 'text'], ['received_at', 'text'], ['person_id', 'integer'], ['verified', 'integer'],
];
const COLUMNS = REPORT_COLUMNS.map(([c]) => c).join(', ');

const CLAIM_AND_WRITE = `WITH
  input AS (SELECT * FROM unnest(${REPORT_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS r(${COLUMNS})),
  claimed AS (INSERT INTO report_ids (id, received_at) SELECT id, received_at FROM input ORDER BY id ON CONFLICT (id) DO NOTHING RETURNING id),
  fresh AS (SELECT input.*, substr(input.shared_at, 1, 10) AS day FROM input JOIN claimed ON claimed.id = input.id),
  new_reports AS (INSERT INTO reports (${COLUMNS}) SELECT ${COLUMNS} FROM fresh ORDER BY id),
  new_rollups AS (INSERT INTO report_rollups (day, unit, platform, item_id, item_url, shares, unverified)
    SELECT day, reporter_unit, platform, item_id, max(item_url), count(*), sum(1 - verified) FROM fresh
    GROUP BY day, reporter_unit, platform, item_id ORDER BY day, reporter_unit, platform, item_id
    ON CONFLICT (day, unit, platform, item_id) DO UPDATE SET shares = report_rollups.shares + excluded.shares,
      unverified = report_rollups.unverified + excluded.unverified, item_url = coalesce(report_rollups.item_url, excluded.item_url)),
  new_person_days AS (INSERT INTO report_person_days (day, person_id, unit, shares)
    SELECT d.day, d.person_id, coalesce(people.unit, d.unit), d.shares
    FROM (SELECT day, person_id, min(reporter_unit) AS unit, count(*) AS shares FROM fresh WHERE verified = 1 AND person_id IS NOT NULL GROUP BY day, person_id) AS d
    LEFT JOIN people ON people.id = d.person_id
    ORDER BY d.day, d.person_id
    ON CONFLICT (day, person_id) DO UPDATE SET shares = report_person_days.shares + excluded.shares),
  new_person_posts AS (INSERT INTO report_person_posts (day, item_id, person_id)
    SELECT DISTINCT day, item_id, person_id FROM fresh WHERE verified = 1 AND person_id IS NOT NULL ORDER BY day, item_id, person_id
    ON CONFLICT (day, item_id, person_id) DO NOTHING)
SELECT id FROM claimed`;

const STORED = 'SELECT * FROM reports WHERE id = ANY($1::text[])';

function steps(db: Kysely<Database>): WriteSteps {
  const run = <R>(query: string, parameters: unknown[]) => db.executeQuery<R>(CompiledQuery.raw(query, parameters));
  return {
    async claimAndInsert(rows) {
      const { rows: claimed } = await run<{ id: string }>(CLAIM_AND_WRITE, REPORT_COLUMNS.map(([column]) => rows.map((row) => row[column])));
      return new Set(claimed.map((r) => r.id));
    },
    async stored(ids) {
      const { rows } = await run<ReportsTable>(STORED, [ids]);
      return new Map(rows.map((row) => [row.id, row]));
    },
  };
}

export function postgresReportWriter(db: Kysely<Database>): ReportWriter {
  const writeSteps = steps(db);
  return { write: (batches) => writeBatches(writeSteps, batches) };
}
