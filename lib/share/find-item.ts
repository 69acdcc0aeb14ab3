import { loadSubscriptions } from '../config';
import { allowsPlatform, feedTimeZone, type ShownItem } from '../feed/today';
import { feedCache } from '../storage';
import type { ItemRef } from '../messaging';
import type { PlatformId } from './platforms';

export interface FoundItem {
  shown: ShownItem;
  signatureVerified: boolean;
}

/** An item from the background's own copy of the feed: never from what a page sent. */
export async function findItem(ref: ItemRef): Promise<FoundItem | null> {
  const [subscriptions, cache] = await Promise.all([loadSubscriptions(), feedCache.getValue()]);
  const subscription = subscriptions.find((s) => s.url === ref.feedUrl);
  const entry = cache[ref.feedUrl];
  const feed = entry?.feed;
  const item = feed?.items.find((candidate) => candidate.id === ref.itemId);
  if (!subscription || !entry || !feed || !item || !item.approved) return null;
  return {
    shown: { subscription, feed, item, timeZone: feedTimeZone(feed, subscription) },
    signatureVerified: entry.signatureVerified,
  };
}

export function isAllowedOn(found: FoundItem, platform: PlatformId): boolean {
  return allowsPlatform(found.shown.item, platform);
}
