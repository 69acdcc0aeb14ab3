import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { feedCache, userSubscriptions } from '@/lib/storage';

/**
 * Polling lives in `alarms`, which outlive the service worker; everything else
 * (the cache, the validators, Retry-After) lives in storage. A "stopped worker"
 * here is a fresh copy of the module: nothing of the old one's memory is left.
 */

const FEED = 'https://siar.example.go.id/feed.json';
const T0 = new Date('2026-11-26T03:00:00Z').getTime();
const feedBody = (id: string) =>
  JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'F', items: [{ id, date_published: '2026-11-26T07:00:00+07:00' }] });

async function freshWorker() {
  vi.resetModules();
  return import('@/lib/feed/feed-service');
}

describe('feed polling', () => {
  let calls: string[];
  let answer: () => Response;

  beforeEach(async () => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    calls = [];
    answer = () => new Response(feedBody('a'), { headers: { ETag: '"a"' } });
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push(`${url} ${new Headers(init.headers).get('if-none-match') ?? ''}`.trim());
      return answer();
    });
    await userSubscriptions.setValue([{ url: FEED }]);
  });

  it('schedules a poll every 15 minutes plus up to a quarter of jitter', async () => {
    const { ensurePollScheduled, FEED_ALARM, nextPollDelayMinutes } = await freshWorker();
    await ensurePollScheduled();
    const alarm = await fakeBrowser.alarms.get(FEED_ALARM);
    const minutes = (alarm!.scheduledTime - T0) / 60_000;
    expect(minutes).toBeGreaterThanOrEqual(15);
    expect(minutes).toBeLessThanOrEqual(18.75);
    expect(nextPollDelayMinutes(() => 0)).toBe(15);
    expect(nextPollDelayMinutes(() => 0.999999)).toBeCloseTo(18.75, 3);
  });

  it('keeps polling after the worker is stopped and woken by its alarm', async () => {
    const first = await freshWorker();
    await first.ensurePollScheduled();
    const scheduled = await fakeBrowser.alarms.get(first.FEED_ALARM);

    // The worker stops; the alarm stays with the browser. A new worker wakes up.
    const woken = await freshWorker();
    await woken.ensurePollScheduled();
    expect((await fakeBrowser.alarms.get(woken.FEED_ALARM))?.scheduledTime).toBe(scheduled!.scheduledTime);
    fakeBrowser.alarms.onAlarm.addListener((alarm) => void woken.onFeedAlarm(alarm));

    vi.setSystemTime(scheduled!.scheduledTime);
    await fakeBrowser.alarms.onAlarm.trigger(scheduled!);
    await vi.waitFor(async () => expect((await feedCache.getValue())[FEED]?.feed?.items.map((i) => i.id)).toEqual(['a']));
    expect(calls).toEqual([FEED]);
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(woken.FEED_ALARM))!.scheduledTime).toBeGreaterThan(scheduled!.scheduledTime));

    // Fifteen minutes on, another wake: the validators from storage go out with the fetch.
    const again = await freshWorker();
    const next = (await fakeBrowser.alarms.get(again.FEED_ALARM))!;
    vi.setSystemTime(next.scheduledTime);
    answer = () => new Response(null, { status: 304 });
    await again.onFeedAlarm(next);
    expect(calls).toEqual([FEED, `${FEED} "a"`]);
    expect((await feedCache.getValue())[FEED]?.feed?.items.map((i) => i.id)).toEqual(['a']);
  });

  it('schedules the next poll even when the fetch fails', async () => {
    const { onFeedAlarm, FEED_ALARM } = await freshWorker();
    answer = () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await fakeBrowser.alarms.get(FEED_ALARM)).toBeUndefined();
    await onFeedAlarm({ name: FEED_ALARM });
    // The fake browser grants no host permission, so the failure reads as a missing permission.
    expect((await feedCache.getValue())[FEED]?.error?.code).toBe('permission');
    const next = await fakeBrowser.alarms.get(FEED_ALARM);
    const minutes = (next!.scheduledTime - T0) / 60_000;
    expect(minutes).toBeGreaterThanOrEqual(15);
    expect(minutes).toBeLessThanOrEqual(18.75);
  });

  it('does not fetch a feed again before its poll period, unless forced', async () => {
    const { refreshFeeds } = await freshWorker();
    await refreshFeeds();
    vi.setSystemTime(T0 + 5 * 60_000);
    await refreshFeeds();
    expect(calls).toHaveLength(1);
    await refreshFeeds({ force: true });
    expect(calls).toHaveLength(2);
  });

  it('honours Retry-After on 429 and 503, even for the refresh button', async () => {
    const { refreshFeeds } = await freshWorker();
    await refreshFeeds();
    answer = () => new Response('busy', { status: 503, headers: { 'Retry-After': '3600' } });
    vi.setSystemTime(T0 + 20 * 60_000);
    await refreshFeeds({ force: true });
    const entry = (await feedCache.getValue())[FEED];
    expect(entry).toMatchObject({ error: { code: 'rate_limited' }, retryAfter: T0 + 20 * 60_000 + 3_600_000 });
    expect(entry?.feed?.items).toHaveLength(1);

    answer = () => new Response(feedBody('b'));
    vi.setSystemTime(T0 + 50 * 60_000);
    await refreshFeeds({ force: true });
    expect(calls).toHaveLength(2);

    vi.setSystemTime(T0 + 81 * 60_000);
    await refreshFeeds({ force: true });
    expect(calls).toHaveLength(3);
    expect((await feedCache.getValue())[FEED]).toMatchObject({ error: null, retryAfter: null });
  });

  it('drops the cache of a feed no longer subscribed', async () => {
    const { refreshFeeds } = await freshWorker();
    await refreshFeeds();
    await userSubscriptions.setValue([]);
    await refreshFeeds({ force: true });
    expect(await feedCache.getValue()).toEqual({});
  });
});
