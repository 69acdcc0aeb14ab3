import { addDays, calendarDate, pickTimeZone, startOfDate } from '../time/zoned-date';
import type { FeedItem, ParsedFeed, ResolvedSubscription } from './types';

/** The zone a feed's "today" is reckoned in (PROTOCOL §2.3). */
export function feedTimeZone(feed: ParsedFeed | null, subscription: { timezone?: string }): string {
  return pickTimeZone(feed?.timezone, subscription.timezone);
}

/** Today in the zone, as the instants [start, end): comparing instants is much cheaper than Intl per item. */
export interface DayWindow {
  start: number;
  end: number;
}

export function todayWindow(now: Date, timeZone: string): DayWindow {
  const today = calendarDate(now, timeZone);
  return { start: startOfDate(today, timeZone).getTime(), end: startOfDate(addDays(today, 1), timeZone).getTime() };
}

function hasWindow(item: FeedItem): boolean {
  return Boolean(item.validFrom || item.validUntil);
}

/** PROTOCOL §2.3, for one item that is already known to be approved. */
export function isCurrent(item: FeedItem, now: Date, timeZone: string, day: DayWindow = todayWindow(now, timeZone)): boolean {
  if (hasWindow(item)) {
    const t = now.getTime();
    if (item.validFrom && t < Date.parse(item.validFrom)) return false;
    if (item.validUntil && t >= Date.parse(item.validUntil)) return false;
    return true;
  }
  const published = item.datePublished ?? item.dateModified;
  if (!published) return false;
  const time = Date.parse(published);
  return time >= day.start && time < day.end;
}

/**
 * Whether an item can be shown now or at some later time: approved, and its
 * window not over (or, without one, published today or later). The cache keeps
 * only these, so that a long archive does not fill the browser's storage.
 */
export function mayShowNowOrLater(item: FeedItem, now: Date, day: DayWindow): boolean {
  if (!item.approved) return false;
  if (hasWindow(item)) return !item.validUntil || now.getTime() < Date.parse(item.validUntil);
  const published = item.datePublished ?? item.dateModified;
  return published !== null && Date.parse(published) >= day.start;
}

/** The feed without the items that can never be shown again; `totalItems` keeps the count before. */
export function dropPastItems(feed: ParsedFeed, now: Date, subscription: { timezone?: string }): ParsedFeed {
  const day = todayWindow(now, feedTimeZone(feed, subscription));
  return {
    ...feed,
    totalItems: feed.totalItems ?? feed.items.length,
    items: feed.items.filter((item) => mayShowNowOrLater(item, now, day)),
  };
}

export interface ShownItem {
  subscription: ResolvedSubscription;
  feed: ParsedFeed;
  item: FeedItem;
  timeZone: string;
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
    const day = todayWindow(now, timeZone);
    for (const item of feed.items) {
      if (!item.approved || !isCurrent(item, now, timeZone, day)) continue;
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
