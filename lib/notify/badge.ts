import { browser } from 'wxt/browser';
import { itemKey } from '../feed/today';
import { shareRecords } from '../storage';
import { loadTodayItems, sharedItemKeys } from './today-items';

/** The toolbar badge: how many of today's posts the user has not shared yet. */
export async function updateBadge(now = new Date()): Promise<number> {
  const [items, shares] = await Promise.all([loadTodayItems(now), shareRecords.getValue()]);
  const shared = sharedItemKeys(shares);
  const unshared = items.filter((shown) => !shared.has(itemKey(shown.subscription.url, shown.item.id))).length;
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text: unshared > 0 ? String(unshared) : '' });
  await action.setBadgeBackgroundColor({ color: '#b3261e' });
  return unshared;
}
