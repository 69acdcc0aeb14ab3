import type { Kysely } from 'kysely';
import type { SiarDb } from '../db/connect';
import { maintainPartitions } from './partitions';

const HOUR_MS = 3600 * 1000;

/**
 * On PostgreSQL: the report partitions for the coming months exist, and with
 * `--retain-months` the old ones go, now and every hour. Every instance runs it; they
 * take turns (advisory lock). A failure is logged and tried again the next hour:
 * this month's partition was made months ago.
 */
export async function startPartitionMaintenance(siar: SiarDb, retainMonths: number | null): Promise<{ stop(): void }> {
  if (siar.kind !== 'postgres') return { stop: () => undefined };
  const run = async () => {
    const dropped = await maintainPartitions(siar.db as unknown as Kysely<unknown>, retainMonths);
    if (dropped.length > 0) console.log(`Retention (${retainMonths} months): dropped ${dropped.join(', ')}`);
  };
  await run();
  const timer = setInterval(() => run().catch((error: unknown) => console.error(`Partition maintenance failed: ${(error as Error).message}`)), HOUR_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
