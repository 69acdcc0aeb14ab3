import { loadSubscriptions } from '../config';
import { itemKey, selectTodayItems, type ShownItem } from '../feed/today';
import type { ShareRecord } from '../reports/types';
import { feedCache } from '../storage';

/** Today's items as the popup shows them, computed in the background. */
export async function loadTodayItems(now = new Date()): Promise<ShownItem[]> {
  const [subscriptions, cache] = await Promise.all([loadSubscriptions(), feedCache.getValue()]);
  return selectTodayItems(
    subscriptions.map((subscription) => ({ subscription, feed: cache[subscription.url]?.feed ?? null })),
    now,
  );
}

/** Keys of the items shared at least once, on any platform. */
export function sharedItemKeys(shares: readonly ShareRecord[]): Set<string> {
  return new Set(shares.map((share) => itemKey(share.report.feed_url, share.report.item_id)));
}
