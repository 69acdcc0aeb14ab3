import type { Kysely, Transaction } from 'kysely';
import type { Database, ReportsTable } from '../db/schema';
import type { IncomingReport } from '../report-schema';

/**
 * Reports, idempotent on `id` through the primary key (PROTOCOL §3.4), written by
 * group commit: the reports of the requests that arrived together go into one
 * transaction, and each request is answered only after that COMMIT returned (SQLite:
 * WAL + synchronous FULL; PostgreSQL: synchronous_commit on), so durability is never
 * traded for speed; one fsync is shared instead of one each.
 */

export type StoreOutcome = 'accepted' | 'duplicate' | 'conflict';

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

const IDENTITY_COLUMNS = ['feed_url', 'item_id', 'platform', 'status', 'method', 'post_url', 'shared_at', 'reporter_id'] as const;
/** Rows a statement: far below SQLite's and PostgreSQL's limits on bound values. */
const ROWS_PER_INSERT = 200;

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

/** A resend carries the same share; the same id on a different share is a client bug. */
function sameShare(a: ReportsTable, b: ReportsTable): boolean {
  return IDENTITY_COLUMNS.every((column) => a[column] === b[column]);
}

export class ReportStore {
  private queue: Pending[] = [];
  private queuedRows = 0;
  private flushing = false;

  /** `maxQueuedReports`: past it, new batches are refused (503), never accepted and dropped. */
  constructor(
    private readonly db: Kysely<Database>,
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
      const outcomes = await this.db.transaction().execute((trx) => insertAll(trx, group.map((entry) => entry.rows)));
      group.forEach((entry, i) => entry.done(outcomes[i]!));
    } catch {
      // Nothing of the group was written: give each request its own chance, and its own error.
      for (const entry of group) {
        try {
          const [outcome] = await this.db.transaction().execute((trx) => insertAll(trx, [entry.rows]));
          entry.done(outcome!);
        } catch (error) {
          entry.done(error instanceof Error ? error : new Error(String(error)));
        }
      }
    }
  }
}

async function insertAll(trx: Transaction<Database>, batches: ReportsTable[][]): Promise<StoreOutcome[][]> {
  const all = batches.flat();
  const inserted = new Set<string>();
  for (let i = 0; i < all.length; i += ROWS_PER_INSERT) {
    const chunk = all.slice(i, i + ROWS_PER_INSERT);
    const returned = await trx.insertInto('reports').values(chunk).onConflict((c) => c.column('id').doNothing()).returning('id').execute();
    for (const row of returned) inserted.add(row.id);
  }
  const others = [...new Set(all.map((row) => row.id).filter((id) => !inserted.has(id)))];
  const existing = new Map<string, ReportsTable>();
  for (let i = 0; i < others.length; i += ROWS_PER_INSERT) {
    const rows = await trx.selectFrom('reports').selectAll().where('id', 'in', others.slice(i, i + ROWS_PER_INSERT)).execute();
    for (const row of rows) existing.set(row.id, row);
  }
  // The first row of an id inserted here is accepted; a later one compares with it.
  const claimed = new Map<string, ReportsTable>();
  return batches.map((rows) =>
    rows.map((row) => {
      if (inserted.has(row.id) && !claimed.has(row.id)) {
        claimed.set(row.id, row);
        return 'accepted';
      }
      const stored = claimed.get(row.id) ?? existing.get(row.id);
      return stored && sameShare(stored, row) ? 'duplicate' : 'conflict';
    }),
  );
}
