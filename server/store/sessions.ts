import type { Kysely } from 'kysely';
import type { SessionStore } from '@fastify/session';
import type { Database } from '../db/schema';

/**
 * @fastify/session's store, in the database: any process behind a load balancer can
 * serve any signed-in user (issue 15 runs several).
 */
export const SESSION_LIFETIME_MS = 8 * 3600 * 1000;

export class DatabaseSessionStore implements SessionStore {
  constructor(private readonly db: Kysely<Database>) {}

  set(sid: string, session: unknown, callback: (err?: unknown) => void): void {
    const expires = (session as { cookie?: { expires?: Date | null } }).cookie?.expires;
    const expires_at = (expires ? new Date(expires) : new Date(Date.now() + SESSION_LIFETIME_MS)).toISOString();
    const data = JSON.stringify(session);
    this.db
      .insertInto('sessions')
      .values({ sid, data, expires_at })
      .onConflict((c) => c.column('sid').doUpdateSet({ data, expires_at }))
      .execute()
      .then(() => callback(), callback);
  }

  get(sid: string, callback: (err: unknown, result?: never | null) => void): void {
    this.db
      .selectFrom('sessions')
      .select(['data', 'expires_at'])
      .where('sid', '=', sid)
      .executeTakeFirst()
      .then((row) => {
        if (!row || row.expires_at <= new Date().toISOString()) return callback(null, null);
        callback(null, JSON.parse(row.data) as never);
      }, callback);
  }

  destroy(sid: string, callback: (err?: unknown) => void): void {
    this.db
      .deleteFrom('sessions')
      .where('sid', '=', sid)
      .execute()
      .then(() => callback(), callback);
  }

  /** Drops expired sessions; called now and then. */
  async prune(): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', new Date().toISOString()).execute();
  }
}
