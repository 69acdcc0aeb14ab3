import { createHash, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { feedStatement, signBytes, signFeedStatement } from '../signing';
import { postsForFeed } from '../store/posts';
import { feedBytes, type FeedIdentity } from './feed-document';

/**
 * One version of the feed as served at a URL: the exact body, its signed statement
 * (PROTOCOL §2.6, version 2), and the validators. `seq` lives in the database and only
 * rises: a new body gets a new `seq`, and the same body is re-signed (new `seq` too)
 * once its statement is older than RESIGN_AFTER_S, long before `exp`.
 */

export interface FeedVersion {
  body: Buffer;
  etag: string;
  lastModified: Date;
  /** The compact JWS (v2) or the base64 Ed25519 signature of the body (v1); null when unsigned. */
  signature: string | null;
  seq: number;
}

export type SignatureVersion = 'v1' | 'v2';

export const RESIGN_AFTER_S = 12 * 3600;
/**
 * How long a built version is reused before posts are read again: how late a change made
 * by another server (or a post's window opening) is seen. A change made through this
 * process, or another worker of it (server/workers.ts), is seen at once.
 * SIAR_FEED_MEMO_MS changes it (tests show the workers' notice with a long one).
 */
const MEMO_MS = Number(process.env.SIAR_FEED_MEMO_MS ?? 2000);

export class FeedPublisher {
  private memo = new Map<string, { at: number; version: Promise<FeedVersion>; ready?: FeedVersion }>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly identity: FeedIdentity,
    private readonly key: KeyObject | null,
    private readonly signatureVersion: SignatureVersion = 'v2',
  ) {}

  /** Posts changed (approved, withdrawn): the next request builds the feed again (#13). */
  invalidate(): void {
    this.forget();
    for (const listener of this.listeners) listener();
  }

  /** Drops the built versions without telling the listeners: another process's news (server/feed/feed-workers.ts). */
  forget(): void {
    this.memo.clear();
  }

  /** Called on every local invalidate(): the workers of one server pass it on. */
  onInvalidate(listener: () => void): void {
    this.listeners.add(listener);
  }

  /**
   * The version `current()` would give now, if it is built and still within its memo;
   * otherwise undefined. Synchronous: the conditional GET's fast path (plugins/feed.ts).
   */
  peek(url: string, now = Date.now()): FeedVersion | undefined {
    const hit = this.memo.get(url);
    return hit && now - hit.at < MEMO_MS ? hit.ready : undefined;
  }

  /** The current version for the feed at `url` (served from `origin`). */
  current(origin: string, url: string, now = new Date()): Promise<FeedVersion> {
    const hit = this.memo.get(url);
    if (hit && now.getTime() - hit.at < MEMO_MS) return hit.version;
    const entry: { at: number; version: Promise<FeedVersion>; ready?: FeedVersion } = { at: now.getTime(), version: this.build(origin, url, now) };
    this.memo.set(url, entry);
    entry.version.then(
      (ready) => (entry.ready = ready),
      () => this.memo.get(url) === entry && this.memo.delete(url),
    );
    return entry.version;
  }

  private async build(origin: string, url: string, now: Date): Promise<FeedVersion> {
    const body = feedBytes(await postsForFeed(this.db, now), origin, this.identity);
    const sha256 = createHash('sha256').update(body).digest('base64url');
    const nowS = Math.floor(now.getTime() / 1000);
    for (let attempt = 0; ; attempt++) {
      const row = await this.db.selectFrom('feed_versions').selectAll().where('url', '=', url).executeTakeFirst();
      const fresh = row && row.sha256 === sha256 && nowS - Number(row.iat) < RESIGN_AFTER_S && Number(row.exp) > nowS;
      if (row && fresh) return this.served(body, row.seq, row.jws, Number(row.iat));
      const seq = (row?.seq ?? 0) + 1;
      const changedAt = row && row.sha256 === sha256 ? row.changed_at : now.toISOString();
      const jws = this.key ? await signFeedStatement(this.key, feedStatement({ url, body, seq, now })) : '';
      const statement = { sha256, iat: nowS, exp: nowS + 48 * 3600, jws, changed_at: changedAt, seq };
      // Only one process wins a given seq; a loser reads the winner's version again.
      const written = row
        ? await this.db.updateTable('feed_versions').set(statement).where('url', '=', url).where('seq', '=', row.seq).executeTakeFirst()
        : await this.db
            .insertInto('feed_versions')
            .values({ url, ...statement })
            .onConflict((c) => c.column('url').doNothing())
            .executeTakeFirst();
      const count = 'numUpdatedRows' in written ? written.numUpdatedRows : (written.numInsertedOrUpdatedRows ?? 0n);
      if (Number(count) === 1 || attempt >= 3) return this.served(body, seq, jws, nowS);
    }
  }

  private served(body: Buffer, seq: number, jws: string, iat: number): FeedVersion {
    const sha = createHash('sha256').update(body).digest('base64url');
    let signature: string | null = null;
    if (this.key) signature = this.signatureVersion === 'v2' ? jws : signBytes(this.key, body);
    // The statement is part of the version: a re-signed body gets a new ETag, so clients fetch the new `exp`.
    return { body, etag: `"${seq}-${sha.slice(0, 22)}"`, lastModified: new Date(iat * 1000), signature, seq };
  }
}
