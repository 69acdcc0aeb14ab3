import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingReport } from './report-schema';

export type StoreOutcome = 'accepted' | 'duplicate' | 'conflict';

export interface StoredReport extends IncomingReport {
  received_at: string;
}

/** Reports in SQLite, idempotent on `id` through the primary key (PROTOCOL §3.4). */
export class ReportStore {
  readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly byId: Database.Statement;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'siar.sqlite'));
    this.db.pragma('journal_mode = WAL');
    // FULL: an accepted report survives a power cut, not only a crash.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS reports (
        id TEXT PRIMARY KEY,
        feed_url TEXT NOT NULL,
        item_id TEXT NOT NULL,
        item_url TEXT,
        platform TEXT NOT NULL,
        status TEXT NOT NULL,
        method TEXT NOT NULL,
        post_url TEXT,
        shared_at TEXT NOT NULL,
        reporter_id TEXT NOT NULL,
        reporter_name TEXT NOT NULL,
        reporter_unit TEXT NOT NULL,
        client_name TEXT NOT NULL,
        client_version TEXT NOT NULL,
        received_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS reports_received_at ON reports (received_at);
      -- The dashboard's day: the date in shared_at, in the share's own offset.
      CREATE INDEX IF NOT EXISTS reports_shared_day ON reports (substr(shared_at, 1, 10));
    `);
    this.insert = this.db.prepare(`
      INSERT INTO reports (id, feed_url, item_id, item_url, platform, status, method, post_url, shared_at,
        reporter_id, reporter_name, reporter_unit, client_name, client_version, received_at)
      VALUES (@id, @feed_url, @item_id, @item_url, @platform, @status, @method, @post_url, @shared_at,
        @reporter_id, @reporter_name, @reporter_unit, @client_name, @client_version, @received_at)
      ON CONFLICT (id) DO NOTHING`);
    this.byId = this.db.prepare('SELECT * FROM reports WHERE id = ?');
  }

  /** Stores a batch in one transaction; each report is accepted, a duplicate, or a conflict. */
  storeBatch(reports: readonly IncomingReport[], receivedAt: Date): StoreOutcome[] {
    return this.db.transaction(() => this.insertAll(reports, receivedAt.toISOString()))();
  }

  private insertAll(reports: readonly IncomingReport[], receivedAt: string): StoreOutcome[] {
    return reports.map((report): StoreOutcome => {
      const row = toRow(report, receivedAt);
      if (this.insert.run(row).changes === 1) return 'accepted';
      const existing = this.byId.get(report.id) as Record<string, unknown>;
      return sameShare(existing, row) ? 'duplicate' : 'conflict';
    });
  }

  private queue: { reports: readonly IncomingReport[]; done: (outcome: StoreOutcome[] | Error) => void }[] = [];

  /**
   * Group commit: the batches of the requests that arrived together are written in
   * one transaction, and each promise resolves only after that COMMIT returned, so
   * a request is answered only once its reports are on disk (synchronous FULL) and
   * durability is never traded for speed; one fsync is shared instead of one each.
   */
  storeBatchDurably(reports: readonly IncomingReport[], receivedAt: Date): Promise<StoreOutcome[]> {
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => this.commitQueued(receivedAt.toISOString()));
      this.queue.push({ reports, done: (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)) });
    });
  }

  private commitQueued(receivedAt: string): void {
    const group = this.queue;
    this.queue = [];
    let outcomes: StoreOutcome[][];
    try {
      outcomes = this.db.transaction(() => group.map((entry) => this.insertAll(entry.reports, receivedAt)))();
    } catch {
      // Nothing of the group was written: give each request its own chance, and its own error.
      for (const entry of group) {
        try {
          entry.done(this.db.transaction(() => this.insertAll(entry.reports, receivedAt))());
        } catch (error) {
          entry.done(error instanceof Error ? error : new Error(String(error)));
        }
      }
      return;
    }
    group.forEach((entry, i) => entry.done(outcomes[i]!));
  }

  recent(limit: number): StoredReport[] {
    const rows = this.db
      .prepare('SELECT * FROM reports ORDER BY received_at DESC, rowid DESC LIMIT ?')
      .all(limit) as Record<string, string | null>[];
    return rows.map(fromRow);
  }

  close(): void {
    this.db.close();
  }
}

function toRow(report: IncomingReport, receivedAt: string) {
  return {
    id: report.id,
    feed_url: report.feed_url,
    item_id: report.item_id,
    item_url: report.item_url,
    platform: report.platform,
    status: report.status,
    method: report.method,
    post_url: report.post_url,
    shared_at: report.shared_at,
    reporter_id: report.reporter.id,
    reporter_name: report.reporter.name,
    reporter_unit: report.reporter.unit,
    client_name: report.client.name,
    client_version: report.client.version,
    received_at: receivedAt,
  };
}

const IDENTITY_COLUMNS = ['feed_url', 'item_id', 'platform', 'status', 'method', 'post_url', 'shared_at', 'reporter_id'] as const;

/** A resend carries the same share; the same id on a different share is a client bug. */
function sameShare(existing: Record<string, unknown>, row: Record<string, unknown>): boolean {
  return IDENTITY_COLUMNS.every((column) => existing[column] === row[column]);
}

export function fromRow(row: Record<string, string | null>): StoredReport {
  return {
    id: row.id as string,
    feed_url: row.feed_url as string,
    item_id: row.item_id as string,
    item_url: row.item_url ?? null,
    platform: row.platform as StoredReport['platform'],
    status: row.status as StoredReport['status'],
    method: row.method as StoredReport['method'],
    post_url: row.post_url ?? null,
    shared_at: row.shared_at as string,
    reporter: { id: row.reporter_id as string, name: row.reporter_name as string, unit: row.reporter_unit as string },
    client: { name: row.client_name as string, version: row.client_version as string },
    received_at: row.received_at as string,
  };
}
