import { calendarDate, pickTimeZone } from '../time/zoned-date';
import type { FeedItem, ParsedFeed, ResolvedSubscription } from './types';

/** The zone a feed's "today" is reckoned in (PROTOCOL §2.3). */
export function feedTimeZone(feed: ParsedFeed | null, subscription: { timezone?: string }): string {
  return pickTimeZone(feed?.timezone, subscription.timezone);
}

/** PROTOCOL §2.3, for one item that is already known to be approved. */
export function isCurrent(item: FeedItem, now: Date, timeZone: string): boolean {
  if (item.validFrom || item.validUntil) {
    const t = now.getTime();
    if (item.validFrom && t < Date.parse(item.validFrom)) return false;
    if (item.validUntil && t >= Date.parse(item.validUntil)) return false;
    return true;
  }
  const published = item.datePublished ?? item.dateModified;
  if (!published) return false;
  return calendarDate(new Date(published), timeZone) === calendarDate(now, timeZone);
}

export interface ShownItem {
  subscription: ResolvedSubscription;
  feed: ParsedFeed;
  item: FeedItem;
  timeZone: string;
}

/** One key per item across subscriptions: the subscription URL and the item id. */
export function itemKey(feedUrl: string, itemId: string): string {
  return `${feedUrl}\n${itemId}`;
}

export interface FeedSource {
  subscription: ResolvedSubscription;
  feed: ParsedFeed | null;
}

function publishedTime(item: FeedItem): number {
  const date = item.datePublished ?? item.dateModified ?? item.validFrom;
  return date ? Date.parse(date) : Number.NEGATIVE_INFINITY;
}

/**
 * Today's approved items across every subscription: one per item URL (the first
 * subscription wins), by priority, then newest publication first.
 */
export function selectTodayItems(sources: readonly FeedSource[], now: Date): ShownItem[] {
  const shown: ShownItem[] = [];
  const seenUrls = new Set<string>();
  for (const { subscription, feed } of sources) {
    if (!feed) continue;
    const timeZone = feedTimeZone(feed, subscription);
    for (const item of feed.items) {
      if (!item.approved || !isCurrent(item, now, timeZone)) continue;
      if (item.url) {
        if (seenUrls.has(item.url)) continue;
        seenUrls.add(item.url);
      }
      shown.push({ subscription, feed, item, timeZone });
    }
  }
  // Array.prototype.sort is stable: equal items keep subscription order.
  return shown.sort((a, b) => {
    if (a.item.priority !== b.item.priority) return b.item.priority - a.item.priority;
    const ta = publishedTime(a.item);
    const tb = publishedTime(b.item);
    return ta === tb ? 0 : tb > ta ? 1 : -1;
  });
}
