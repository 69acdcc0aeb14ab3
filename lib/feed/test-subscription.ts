import { fetchFeed, type FetchFeedOptions } from './fetch-feed';
import { selectTodayItems } from './today';
import type { FeedError, FeedFormat, SkipReason, Subscription } from './types';

/** What the options page shows after a test fetch, before the subscription is saved. */
export type SubscriptionTest =
  | {
      ok: true;
      title: string;
      format: FeedFormat;
      /** Valid items in the feed, and how many of them are today's. */
      items: number;
      today: number;
      skipped: number;
      skipReasons: Partial<Record<SkipReason, number>>;
      signatureVerified: boolean;
    }
  | { ok: false; error: FeedError };

/** Fetches the feed the way the background will (limits, signature, parsing), and sums it up. */
export async function testSubscription(subscription: Subscription, options: FetchFeedOptions = {}): Promise<SubscriptionTest> {
  const now = options.now ?? new Date();
  const entry = await fetchFeed(subscription, undefined, { ...options, now });
  if (entry.error || !entry.feed) return { ok: false, error: entry.error ?? { code: 'network' } };
  const feed = entry.feed;
  const today = selectTodayItems([{ subscription: { ...subscription, source: 'user' }, feed }], now).length;
  return {
    ok: true,
    title: feed.title,
    format: feed.format,
    items: feed.totalItems ?? feed.items.length,
    today,
    skipped: feed.skippedItems,
    skipReasons: feed.skipReasons ?? {},
    signatureVerified: entry.signatureVerified,
  };
}
