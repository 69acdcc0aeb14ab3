import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database, ReportsTable } from '../db/schema';
import { writeBatches, type ReportWriter, type Rollups, type WriteSteps } from './report-writer';

/**
 * The report writer on PostgreSQL: a group's rows go as one array a column through
 * `unnest`, so a transaction is BEGIN, the claim of the ids, one statement that inserts
 * the reports and updates the rollup tables (data-modifying CTEs), and COMMIT
 * (synchronous_commit on: it returns once the WAL is flushed), whatever the group's size.
 */

const REPORT_COLUMNS: [keyof ReportsTable, string][] = [
  ['id', 'text'], ['feed_url', 'text'], ['item_id', 'text'], ['item_url', 'text'], ['platform', 'text'], ['status', 'text'],
  ['method', 'text'], ['post_url', 'text'], ['shared_at', 'text'], ['reporter_id', 'text'], ['reporter_name', 'text'],
  ['reporter_unit', 'text'], ['client_name', 'text'], ['client_version', 'text'], ['received_at', 'text'], ['person_id', 'integer'], ['verified', 'integer'],
];

const CLAIM = `INSERT INTO report_ids (id, received_at) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (id) DO NOTHING RETURNING id`;

const unnest = (types: string[], first: number) => `unnest(${types.map((type, i) => `$${first + i}::${type}[]`).join(', ')})`;
const R = REPORT_COLUMNS.length;
const WRITE = `WITH
  new_reports AS (INSERT INTO reports (${REPORT_COLUMNS.map(([c]) => c).join(', ')}) SELECT * FROM ${unnest(REPORT_COLUMNS.map(([, t]) => t), 1)}),
  new_rollups AS (INSERT INTO report_rollups (day, unit, platform, item_id, item_url, shares, unverified)
    SELECT * FROM ${unnest(['text', 'text', 'text', 'text', 'text', 'bigint', 'bigint'], R + 1)}
    ON CONFLICT (day, unit, platform, item_id) DO UPDATE SET shares = report_rollups.shares + excluded.shares,
      unverified = report_rollups.unverified + excluded.unverified, item_url = coalesce(report_rollups.item_url, excluded.item_url)),
  new_person_days AS (INSERT INTO report_person_days (day, person_id, unit, shares)
    SELECT d.day, d.person_id, coalesce(people.unit, d.unit), d.shares
    FROM ${unnest(['text', 'integer', 'text', 'bigint'], R + 8)} AS d(day, person_id, unit, shares) LEFT JOIN people ON people.id = d.person_id
    ORDER BY d.day, d.person_id
    ON CONFLICT (day, person_id) DO UPDATE SET shares = report_person_days.shares + excluded.shares)
INSERT INTO report_person_posts (day, item_id, person_id) SELECT * FROM ${unnest(['text', 'text', 'integer'], R + 12)}
  ON CONFLICT (day, item_id, person_id) DO NOTHING`;

const STORED = 'SELECT * FROM reports WHERE id = ANY($1::text[])';

function steps(trx: Transaction<Database>): WriteSteps {
  const run = <R>(query: string, parameters: unknown[]) => trx.executeQuery<R>(CompiledQuery.raw(query, parameters));
  return {
    async claim(rows) {
      const { rows: claimed } = await run<{ id: string }>(CLAIM, [rows.map((r) => r.id), rows.map((r) => r.received_at)]);
      return new Set(claimed.map((r) => r.id));
    },
    async insert(rows: readonly ReportsTable[], { rollups, personDays, personPosts }: Rollups) {
      const columns = <T>(list: readonly T[], keys: (keyof T)[]) => keys.map((key) => list.map((row) => row[key]));
      await run(WRITE, [
        ...columns(rows, REPORT_COLUMNS.map(([c]) => c)),
        ...columns(rollups, ['day', 'unit', 'platform', 'item_id', 'item_url', 'shares', 'unverified']),
        ...columns(personDays, ['day', 'person_id', 'unit', 'shares']),
        ...columns(personPosts, ['day', 'item_id', 'person_id']),
      ]);
    },
    async stored(ids) {
      const { rows } = await run<ReportsTable>(STORED, [ids]);
      return new Map(rows.map((row) => [row.id, row]));
    },
  };
}

export function postgresReportWriter(db: Kysely<Database>): ReportWriter {
  return { write: (batches) => db.transaction().execute((trx) => writeBatches(steps(trx), batches)) };
}
