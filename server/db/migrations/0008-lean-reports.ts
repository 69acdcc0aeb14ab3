import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../migrate';

/**
 * Fewer indexes on `reports`, the table every report is written to (issues 10 and 15:
 * each index is one more B-tree insert a report). Since the dashboard reads rollups
 * (migrations 0006, 0007), no query reads reports by person, and the latest-shares list
 * and the export walk `reports_shared_day` (day, shared_at, received_at, id), which
 * begins with what `reports_day_time` (day, shared_at) held.
 */
export async function up(db: Kysely<unknown>, _kind: DialectKind): Promise<void> {
  await sql`DROP INDEX reports_person_day`.execute(db);
  await sql`DROP INDEX reports_day_time`.execute(db);
}
