import type { FeedCacheEntry, Subscription } from './types';

/**
 * PROTOCOL §2.6 on the cached side: a copy counts only under the key that verified it,
 * and only until its statement's `exp`. Everything that reads the feed cache to show or
 * share items (popup, badge, the sites' list, every share path) reads it through here.
 */

/** Whether the copy was verified by the subscription's key (any copy counts without a key). */
export function countsUnderKey(subscription: Pick<Subscription, 'public_key'>, entry: FeedCacheEntry): boolean {
  if (!subscription.public_key) return true;
  return entry.verifiedKey === subscription.public_key && Boolean(entry.statement);
}

/** Whether the copy's signed statement has run out (no newer version came in time). */
export function statementExpired(entry: FeedCacheEntry, now: Date): boolean {
  return Boolean(entry.statement && entry.statement.exp * 1000 <= now.getTime());
}

/**
 * The entry as it may be used now: the same entry, or one without its feed and with the
 * reason (a key set or changed, an expired statement) for the popup to say.
 */
export function usableEntry(
  subscription: Pick<Subscription, 'public_key'>,
  entry: FeedCacheEntry | undefined,
  now: Date,
): FeedCacheEntry | undefined {
  if (!entry?.feed) return entry;
  if (!countsUnderKey(subscription, entry)) {
    return { ...entry, feed: null, signatureVerified: false, error: entry.error ?? { code: 'signature_key_changed' } };
  }
  if (subscription.public_key && statementExpired(entry, now)) {
    const until = new Date(entry.statement!.exp * 1000).toISOString();
    return { ...entry, feed: null, error: { code: 'signature_expired', detail: until } };
  }
  return entry;
}

/** The whole cache as it may be used now, for the given subscriptions. */
export function usableCache(
  subscriptions: readonly (Subscription & { url: string })[],
  cache: Readonly<Record<string, FeedCacheEntry>>,
  now: Date,
): Record<string, FeedCacheEntry> {
  const out: Record<string, FeedCacheEntry> = {};
  for (const subscription of subscriptions) {
    const entry = usableEntry(subscription, cache[subscription.url], now);
    if (entry) out[subscription.url] = entry;
  }
  return out;
}
