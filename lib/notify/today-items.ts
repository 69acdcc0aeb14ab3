import { loadSubscriptions } from '../config';
import { selectTodayItems, type ShownItem } from '../feed/today';
import { feedCache } from '../storage';

/** Today's items as the popup shows them, computed in the background. */
export async function loadTodayItems(now = new Date()): Promise<ShownItem[]> {
  const [subscriptions, cache] = await Promise.all([loadSubscriptions(), feedCache.getValue()]);
  return selectTodayItems(
    subscriptions.map((subscription) => ({ subscription, feed: cache[subscription.url]?.feed ?? null })),
    now,
  );
}
