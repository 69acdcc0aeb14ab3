import { addDays, calendarDate, pickTimeZone, startOfDate } from '../time/zoned-date';
import { isoOf } from './feed-date';
import type { PlatformId } from '../share/platforms';
import { usableEntry } from './usable-entry';
import type { FeedCacheEntry, FeedItem, ParsedFeed, ResolvedSubscription } from './types';

/** The zone a feed's "today" is reckoned in (docs/protocol.md §2.3). */
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

/** docs/protocol.md §2.3, for one item that is already known to be approved. */
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

/** What decides whether an item can ever be shown (docs/protocol.md §2.3), as instants (ms). */
export interface ItemSchedule {
  approved: boolean;
  validFrom: number | null;
  validUntil: number | null;
  datePublished: number | null;
  dateModified: number | null;
}

/** RSS, Atom: the subscription approves every item; only publication dates (docs/protocol.md §2.3). */
export function trustedSchedule(datePublished: number | null, dateModified: number | null): ItemSchedule {
  return { approved: true, validFrom: null, validUntil: null, datePublished, dateModified };
}

/** The schedule as a FeedItem stores it (ISO 8601 in UTC). */
export function scheduleFields(schedule: ItemSchedule): Pick<FeedItem, 'approved' | 'validFrom' | 'validUntil' | 'datePublished' | 'dateModified'> {
  return {
    approved: schedule.approved,
    validFrom: isoOf(schedule.validFrom),
    validUntil: isoOf(schedule.validUntil),
    datePublished: isoOf(schedule.datePublished),
    dateModified: isoOf(schedule.dateModified),
  };
}

/**
 * Whether an item can be shown now or at some later time: approved, and its
 * window not over (or, without one, published today or later).
 */
export function mayShowNowOrLater(item: ItemSchedule, now: Date, day: DayWindow): boolean {
  if (!item.approved) return false;
  if (item.validFrom !== null || item.validUntil !== null) return item.validUntil === null || now.getTime() < item.validUntil;
  const published = item.datePublished ?? item.dateModified;
  return published !== null && published >= day.start;
}

/**
 * The test a parser applies to keep only items that can still be shown: the
 * cache then holds no archive (storage is small), and no time is spent
 * building items nobody will see.
 */
export function stillShowable(now: Date, timeZone: string): (item: ItemSchedule) => boolean {
  const day = todayWindow(now, timeZone);
  return (item) => mayShowNowOrLater(item, now, day);
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
  const shown: { entry: ShownItem; time: number }[] = [];
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
      shown.push({ entry: { subscription, feed, item, timeZone }, time: publishedTime(item) });
    }
  }
  // Array.prototype.sort is stable: equal items keep subscription order.
  shown.sort((a, b) => {
    if (a.entry.item.priority !== b.entry.item.priority) return b.entry.item.priority - a.entry.item.priority;
    return a.time === b.time ? 0 : b.time > a.time ? 1 : -1;
  });
  return shown.map(({ entry }) => entry);
}

/** Today's items of the subscriptions, from the background's cache of their feeds. */
export function selectTodayFromCache(
  subscriptions: readonly ResolvedSubscription[],
  cache: Readonly<Record<string, FeedCacheEntry>>,
  now: Date,
): ShownItem[] {
  return selectTodayItems(
    subscriptions.map((subscription) => ({ subscription, feed: usableEntry(subscription, cache[subscription.url], now)?.feed ?? null })),
    now,
  );
}

/** Whether the item may go to the platform (docs/protocol.md §2.2: no `platforms` means everywhere). */
export function allowsPlatform(item: Pick<FeedItem, 'platforms'>, platform: PlatformId): boolean {
  return item.platforms === null || item.platforms.includes(platform);
}
