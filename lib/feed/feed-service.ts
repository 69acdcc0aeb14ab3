import { browser } from 'wxt/browser';
import { loadSubscriptions } from '../config';
import { createSerialQueue } from '../serial';
import { feedCache } from '../storage';
import { fetchFeed } from './fetch-feed';
import { hasHostPermission } from './host-permission';
import { countsUnderKey } from './usable-entry';
import type { FeedCacheEntry } from './types';

export const FEED_ALARM = 'siar-feeds';
export const POLL_MINUTES = 15;

const serially = createSerialQueue();

/**
 * Fetches every subscription (all of them when forced, else those due), then
 * writes the cache once. Entries of feeds no longer subscribed are dropped.
 */
export function refreshFeeds({ force = false } = {}): Promise<void> {
  // One refresh at a time: a second one waits and then sees the first one's results.
  return serially(() => refreshNow(force));
}

async function refreshNow(force: boolean): Promise<void> {
  const subscriptions = await loadSubscriptions();
  const before = await feedCache.getValue();
  const now = new Date();
  const fetched = await Promise.all(
    subscriptions.map(async (subscription): Promise<[string, FeedCacheEntry | undefined]> => {
      const cached = before[subscription.url];
      // A copy that the subscription's key did not verify is dropped now, and fetched anew.
      if (cached && !countsUnderKey(subscription, cached)) {
        return [subscription.url, await fetchFeed(subscription, undefined, { now, hasHostPermission })];
      }
      const previous = cached;
      if (previous?.retryAfter && previous.retryAfter > now.getTime()) return [subscription.url, previous];
      if (!force && previous?.lastAttemptAt && isFresh(previous, now)) return [subscription.url, previous];
      return [subscription.url, await fetchFeed(subscription, previous, { now, hasHostPermission })];
    }),
  );
  const next: Record<string, FeedCacheEntry> = {};
  for (const [url, entry] of fetched) if (entry) next[url] = entry;
  await feedCache.setValue(next);
}

function isFresh(entry: FeedCacheEntry, now: Date): boolean {
  const last = Date.parse(entry.lastAttemptAt ?? '');
  return Number.isFinite(last) && now.getTime() - last < (POLL_MINUTES - 1) * 60_000;
}

/** The next poll: every 15 minutes plus up to a quarter of that as jitter (docs/protocol.md §2.5). */
export function nextPollDelayMinutes(random: () => number = Math.random): number {
  return POLL_MINUTES + random() * (POLL_MINUTES / 4);
}

/**
 * The poll alarm fired (possibly in a worker woken for it): fetch what is due,
 * then schedule the next poll, whatever happened to the fetch.
 */
export async function onFeedAlarm(alarm: { name: string }): Promise<void> {
  if (alarm.name !== FEED_ALARM) return;
  try {
    await refreshFeeds();
  } finally {
    await schedulePoll();
  }
}

export async function schedulePoll(): Promise<void> {
  await browser.alarms.create(FEED_ALARM, { delayInMinutes: nextPollDelayMinutes() });
}

/** After the worker wakes: a poll stays scheduled even if the alarm was lost. */
export async function ensurePollScheduled(): Promise<void> {
  const existing = await browser.alarms.get(FEED_ALARM);
  if (!existing) await schedulePoll();
}
