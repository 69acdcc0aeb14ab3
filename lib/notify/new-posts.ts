import { browser } from 'wxt/browser';
import { itemKey } from '../feed/today';
import { createTranslator, resolveLanguage } from '../i18n';
import { calendarDate, DEFAULT_TIMEZONE } from '../time/zoned-date';
import { notifiedItems, userSettings } from '../storage';
import { loadTodayItems } from './today-items';

export const NEW_POSTS_NOTIFICATION = 'siar-new-posts';

/**
 * Tells the user when approved posts appear that they have not been told about
 * today. With notifications off, the posts are still recorded as told, so that
 * turning them on later does not announce old posts.
 */
export async function notifyNewPosts(now = new Date()): Promise<string[]> {
  const [items, settings, notified] = await Promise.all([loadTodayItems(now), userSettings.getValue(), notifiedItems.getValue()]);
  const today = calendarDate(now, items[0]?.timeZone ?? DEFAULT_TIMEZONE);
  const known = new Set(notified.date === today ? notified.keys : []);
  const fresh = items.filter((shown) => !known.has(itemKey(shown.subscription.url, shown.item.id)));
  if (fresh.length === 0) return [];
  await notifiedItems.setValue({ date: today, keys: [...known, ...fresh.map((s) => itemKey(s.subscription.url, s.item.id))] });
  if (!settings.notifications || !browser.notifications) return [];
  const t = createTranslator(resolveLanguage(settings.language, browser.i18n.getUILanguage()));
  await browser.notifications.create(NEW_POSTS_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('notifyNewPostsTitle', fresh.length),
    message: fresh
      .slice(0, 3)
      .map((shown) => `• ${shown.item.title}`)
      .join('\n'),
  });
  return fresh.map((shown) => shown.item.id);
}
