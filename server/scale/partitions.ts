import { sql, type Kysely } from 'kysely';

/**
 * Monthly partitions of `reports` on PostgreSQL (migration 0002): made ahead of time,
 * dropped when older than the retention (`--retain-months`). Several processes may run
 * this at once: an advisory lock makes them take turns.
 */

const LOCK_KEY = 0x51a2_0015;

/** "2026-11" for every month from the one holding `from` to `monthsAhead` after the one holding `to`. */
export function monthsBetween(from: string, to: string, monthsAhead: number): string[] {
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const [endYear, endMonth] = to.slice(0, 7).split('-').map(Number) as [number, number];
  const last = endYear * 12 + endMonth - 1 + monthsAhead;
  for (let n = year * 12 + month - 1; n <= last; n++) {
    year = Math.floor(n / 12);
    month = (n % 12) + 1;
    months.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  return months;
}

export function nextMonth(month: string): string {
  return monthsBetween(month, month, 1)[1]!;
}

/** The month `count` months before `month`. */
export function monthsBefore(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const n = year * 12 + m - 1 - count;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** A report may be resent for 30 days (PROTOCOL §3.3): its id must outlive that. */
export const MIN_RETAIN_MONTHS = 2;

const partitionName = (month: string) => `reports_${month.replace('-', '_')}`;

export async function createMonthPartitions(db: Kysely<unknown>, months: readonly string[]): Promise<void> {
  for (const month of months) {
    await sql`CREATE TABLE IF NOT EXISTS ${sql.id(partitionName(month))} PARTITION OF reports
      FOR VALUES FROM (${sql.lit(month)}) TO (${sql.lit(nextMonth(month))})`.execute(db);
  }
}

export async function listPartitions(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT c.relname AS name FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
    WHERE p.relname = 'reports' ORDER BY c.relname`.execute(db);
  return rows.map((row) => row.name);
}

/**
 * Makes the partitions for this month and the next two, and with `retainMonths` drops
 * those that ended more than that many months ago, with their report ids. Returns the
 * partitions dropped.
 */
export async function maintainPartitions(db: Kysely<unknown>, retainMonths: number | null, now = new Date()): Promise<string[]> {
  const thisMonth = now.toISOString().slice(0, 7);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    await createMonthPartitions(trx, monthsBetween(thisMonth, thisMonth, 2));
    if (retainMonths === null) return [];
    // Keep this month and the `retainMonths` before it.
    const keepFrom = monthsBefore(thisMonth, Math.max(retainMonths, MIN_RETAIN_MONTHS));
    const dropped: string[] = [];
    for (const name of await listPartitions(trx)) {
      const month = name.slice('reports_'.length).replace('_', '-');
      if (/^\d{4}-\d{2}$/.test(month) && month < keepFrom) {
        await sql`DROP TABLE ${sql.id(name)}`.execute(trx);
        dropped.push(name);
      }
    }
    await sql`DELETE FROM report_ids WHERE received_at < ${keepFrom}`.execute(trx);
    return dropped;
  });
}
