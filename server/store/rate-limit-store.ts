import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * A store for @fastify/rate-limit in the office's own database (SQLite or PostgreSQL,
 * table `rate_limits`), the counterpart of its Redis store: one upsert per counted
 * request, atomic on both databases, so every process of one office counts against the
 * same limit (issue 15: two instances behind a pooler). A fixed window per key: the
 * first hit opens it for `timeWindow` ms; a hit after it closed starts a new one.
 *
 * Only routes that ask for a limit pay the round trip (sign-in, enrollment, the post
 * preview); the report receiver has none.
 */

export interface RateLimitCount {
  current: number;
  /** Milliseconds until the window closes. */
  ttl: number;
}

/** Counts one hit for `key` in a window of `windowMs`; the count and time left after it. */
export async function countHit(db: Kysely<Database>, key: string, windowMs: number, now = Date.now()): Promise<RateLimitCount> {
  const closes = now + windowMs;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, hits: 1, reset_at: closes })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        hits: sql<number>`CASE WHEN rate_limits.reset_at <= CAST(${now} AS bigint) THEN 1 ELSE rate_limits.hits + 1 END`,
        reset_at: sql<number>`CASE WHEN rate_limits.reset_at <= CAST(${now} AS bigint) THEN CAST(${closes} AS bigint) ELSE rate_limits.reset_at END`,
      }),
    )
    .returning(['hits', 'reset_at'])
    .executeTakeFirstOrThrow();
  return { current: Number(row.hits), ttl: Math.max(0, Number(row.reset_at) - now) };
}

/** Forgets windows that closed before `before` (ms); run now and then. */
export async function pruneRateLimits(db: Kysely<Database>, before = Date.now()): Promise<void> {
  await db.deleteFrom('rate_limits').where('reset_at', '<', before).execute();
}

/** The store class @fastify/rate-limit's `store` option takes, bound to one database. */
export function databaseRateLimitStore(db: Kysely<Database>): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly prefix = 'rl:',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: RateLimitCount) => void, timeWindow: number): void {
      countHit(db, `${this.prefix}${key}`, timeWindow).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    /**
     * Each limited route counts apart, as with the plugin's Redis store. The plugin passes
     * the route's merged limit options, the route under `routeInfo` (not what its types say).
     */
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const route = (routeOptions as unknown as { routeInfo?: { method?: unknown; url?: string } }).routeInfo ?? {};
      return new DatabaseRateLimitStore({}, `${this.prefix}${String(route.method ?? '')}${route.url ?? ''}-`);
    }
  }
  return DatabaseRateLimitStore;
}
