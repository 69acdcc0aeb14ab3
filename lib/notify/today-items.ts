import { loadSubscriptions } from '../config';
import { selectTodayFromCache, type ShownItem } from '../feed/today';
import { feedCache } from '../storage';

/** Today's items as the popup shows them, computed in the background. */
export async function loadTodayItems(now = new Date()): Promise<ShownItem[]> {
  const [subscriptions, cache] = await Promise.all([loadSubscriptions(), feedCache.getValue()]);
  return selectTodayFromCache(subscriptions, cache, now);
}
