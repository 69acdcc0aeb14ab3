import type SQLite from 'better-sqlite3';
import type { SiarDb } from '../db/connect';
import type { ReportsTable } from '../db/schema';
import { writeBatches, type ReportWriter, type Rollups, type WriteSteps } from './report-writer';

/**
 * The report writer on SQLite: better-sqlite3's prepared statements, one execution a
 * row, between a BEGIN IMMEDIATE and a COMMIT (WAL, synchronous FULL: the COMMIT returns
 * once the reports are on disk). The file's one connection is taken from Kysely for the
 * whole transaction, so no other query of the server runs inside it.
 */

const REPORT_COLUMNS = [
  'id', 'feed_url', 'item_id', 'item_url', 'platform', 'status', 'method', 'post_url', 'shared_at',
  'reporter_id', 'reporter_name', 'reporter_unit', 'client_name', 'client_version', 'received_at', 'person_id', 'verified',
] as const;

function prepare(file: SQLite.Database) {
  return {
    begin: file.prepare('BEGIN IMMEDIATE'),
    commit: file.prepare('COMMIT'),
    rollback: file.prepare('ROLLBACK'),
    claim: file.prepare('INSERT INTO report_ids (id, received_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING'),
    report: file.prepare(`INSERT INTO reports (${REPORT_COLUMNS.join(', ')}) VALUES (${REPORT_COLUMNS.map((c) => `@${c}`).join(', ')})`),
    rollup: file.prepare(`INSERT INTO report_rollups (day, unit, platform, item_id, item_url, shares, unverified) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (day, unit, platform, item_id) DO UPDATE SET shares = report_rollups.shares + excluded.shares,
        unverified = report_rollups.unverified + excluded.unverified, item_url = coalesce(report_rollups.item_url, excluded.item_url)`),
    personDay: file.prepare(`INSERT INTO report_person_days (day, person_id, unit, shares) VALUES (?, ?, coalesce((SELECT unit FROM people WHERE id = ?), ?), ?)
      ON CONFLICT (day, person_id) DO UPDATE SET shares = report_person_days.shares + excluded.shares`),
    personPost: file.prepare('INSERT INTO report_person_posts (day, item_id, person_id) VALUES (?, ?, ?) ON CONFLICT (day, item_id, person_id) DO NOTHING'),
    stored: file.prepare<[string], ReportsTable>('SELECT * FROM reports WHERE id = ?'),
  };
}

export function sqliteReportWriter(siar: SiarDb): ReportWriter {
  const file = siar.sqlite;
  if (!file) throw new Error('the SQLite report writer needs the SQLite handle');
  let statements: ReturnType<typeof prepare> | null = null;
  const steps = (s: ReturnType<typeof prepare>): WriteSteps => ({
    claim(rows) {
      const claimed = new Set<string>();
      for (const row of rows) if (s.claim.run(row.id, row.received_at).changes === 1) claimed.add(row.id);
      return claimed;
    },
    insert(rows: readonly ReportsTable[], { rollups, personDays, personPosts }: Rollups) {
      for (const row of rows) s.report.run(row);
      for (const r of rollups) s.rollup.run(r.day, r.unit, r.platform, r.item_id, r.item_url, r.shares, r.unverified);
      for (const r of personDays) s.personDay.run(r.day, r.person_id, r.person_id, r.unit, r.shares);
      for (const r of personPosts) s.personPost.run(r.day, r.item_id, r.person_id);
    },
    stored(ids) {
      const found = new Map<string, ReportsTable>();
      for (const id of ids) {
        const row = s.stored.get(id);
        if (row) found.set(id, row);
      }
      return found;
    },
  });
  return {
    write: (batches) =>
      siar.db.connection().execute(async () => {
        statements ??= prepare(file);
        const s = statements;
        s.begin.run();
        try {
          const outcomes = await writeBatches(steps(s), batches);
          s.commit.run();
          return outcomes;
        } catch (error) {
          if (file.inTransaction) s.rollback.run();
          throw error;
        }
      }),
  };
}
