import { browser } from 'wxt/browser';
import { itemKey } from '../feed/today';
import { platformsOfItems } from '../reports/share-db';
import { loadTodayItems } from './today-items';

/** The toolbar badge: how many of today's posts the user has not shared yet. */
export async function updateBadge(now = new Date()): Promise<number> {
  const items = await loadTodayItems(now);
  const shared = await platformsOfItems(items.map((shown) => ({ feedUrl: shown.subscription.url, itemId: shown.item.id })));
  const unshared = items.filter((shown) => !shared.has(itemKey(shown.subscription.url, shown.item.id))).length;
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text: unshared > 0 ? String(unshared) : '' });
  await action.setBadgeBackgroundColor({ color: '#b3261e' });
  return unshared;
}
