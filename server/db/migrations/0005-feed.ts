import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../migrate';

/**
 * Rate limits shared by every process of one office (issues 10 and 15): the counters of
 * @fastify/rate-limit (sign-in and enrollment attempts per address) live in the database,
 * so that two instances behind one pooler hold one limit, not one each.
 * `reset_at` is milliseconds since the epoch.
 */
export async function up(db: Kysely<unknown>, kind: DialectKind): Promise<void> {
  const millis = kind === 'postgres' ? 'bigint' : 'integer';
  await sql`CREATE TABLE rate_limits (key text PRIMARY KEY, hits integer NOT NULL, reset_at ${sql.raw(millis)} NOT NULL)`.execute(db);
  await sql`CREATE INDEX rate_limits_reset_at ON rate_limits (reset_at)`.execute(db);
}
