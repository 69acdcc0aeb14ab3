import { loadSubscriptions } from '../config';
import { allowsPlatform, feedTimeZone, isCurrent, type ShownItem } from '../feed/today';
import { usableEntry } from '../feed/usable-entry';
import { feedCache } from '../storage';
import type { ItemRef } from '../messaging';
import type { PlatformId } from './platforms';

export interface FoundItem {
  shown: ShownItem;
  signatureVerified: boolean;
}

/**
 * An item from the background's own copy of the feed (never from what a page sent), as
 * it may be used now: a copy under another key or past its statement's exp has none.
 */
export async function findItem(ref: ItemRef, now = new Date()): Promise<FoundItem | null> {
  const [subscriptions, cache] = await Promise.all([loadSubscriptions(), feedCache.getValue()]);
  const subscription = subscriptions.find((s) => s.url === ref.feedUrl);
  const entry = subscription ? usableEntry(subscription, cache[ref.feedUrl], now) : undefined;
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

export type ShareRefusal = 'unknown_item' | 'not_now' | 'not_allowed';

/**
 * The one rule for "may this item be shared (and reported) now": the background's copy has
 * it approved, inside its window (an embargoed item is not yet, an expired one no longer),
 * and it may go to the platform. Every path asks this: the popup's share and "I shared it",
 * the site's button, a queued share's post, and an unfinished post confirmed later.
 */
export async function findSharable(
  ref: ItemRef,
  platform: PlatformId,
  now = new Date(),
): Promise<{ found: FoundItem; error?: undefined } | { found?: undefined; error: ShareRefusal }> {
  const found = await findItem(ref, now);
  if (!found) return { error: 'unknown_item' };
  if (!isCurrent(found.shown.item, now, found.shown.timeZone)) return { error: 'not_now' };
  if (!isAllowedOn(found, platform)) return { error: 'not_allowed' };
  return { found };
}
