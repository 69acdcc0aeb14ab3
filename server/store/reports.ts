import type { SiarDb } from '../db/connect';
import type { ReportsTable } from '../db/schema';
import type { IncomingReport } from '../report-schema';
import type { ReportWriter, StoreOutcome } from './report-writer';
import { postgresReportWriter } from './report-writer-postgres';
import { sqliteReportWriter } from './report-writer-sqlite';

/**
 * Reports, idempotent on `id` through the primary key (PROTOCOL §3.4), written by
 * group commit: the reports of the requests that arrived together go into one
 * transaction, and each request is answered only after that COMMIT returned (SQLite:
 * WAL + synchronous FULL; PostgreSQL: synchronous_commit on), so durability is never
 * traded for speed; one fsync is shared instead of one each.
 */

export type { StoreOutcome } from './report-writer';

/** Who stands behind a batch: an enrolled person (verified) or the body's word. */
export interface ReportOrigin {
  personId: number | null;
  verified: boolean;
}

export class QueueFull extends Error {}

interface Pending {
  rows: ReportsTable[];
  done(outcome: StoreOutcome[] | Error): void;
}

export function toRow(report: IncomingReport, receivedAt: string, origin: ReportOrigin): ReportsTable {
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
    person_id: origin.personId,
    verified: origin.verified ? 1 : 0,
  };
}

/** The report writer of the database's dialect. */
export function reportWriter(siar: SiarDb): ReportWriter {
  return siar.kind === 'postgres' ? postgresReportWriter(siar.db) : sqliteReportWriter(siar);
}

export class ReportStore {
  private queue: Pending[] = [];
  private queuedRows = 0;
  private flushing = false;

  /** `maxQueuedReports`: past it, new batches are refused (503), never accepted and dropped. */
  constructor(
    private readonly writer: ReportWriter,
    private readonly maxQueuedReports = 20_000,
  ) {}

  get queued(): number {
    return this.queuedRows;
  }

  storeDurably(rows: ReportsTable[]): Promise<StoreOutcome[]> {
    if (this.queuedRows + rows.length > this.maxQueuedReports) return Promise.reject(new QueueFull());
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, done: (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)) });
      this.queuedRows += rows.length;
      if (!this.flushing) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue;
        this.queue = [];
        await this.commitGroup(group);
        this.queuedRows -= group.reduce((n, entry) => n + entry.rows.length, 0);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async commitGroup(group: Pending[]): Promise<void> {
    try {
      const outcomes = await this.writer.write(group.map((entry) => entry.rows));
      group.forEach((entry, i) => entry.done(outcomes[i]!));
    } catch {
      // Nothing of the group was written: give each request its own chance, and its own error.
      for (const entry of group) {
        try {
          const [outcome] = await this.writer.write([entry.rows]);
          entry.done(outcome!);
        } catch (error) {
          entry.done(error instanceof Error ? error : new Error(String(error)));
        }
      }
    }
  }
}
