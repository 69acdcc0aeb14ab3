import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_CACHE_ENTRY } from '@/lib/feed/fetch-feed';
import { updateBadge } from '@/lib/notify/badge';
import { NEW_POSTS_NOTIFICATION, notifyNewPosts } from '@/lib/notify/new-posts';
import { recordShare, flushOutbox } from '@/lib/reports/outbox-service';
import { DEFAULT_SETTINGS, feedCache, notifiedItems, userSettings, userSubscriptions } from '@/lib/storage';
import { freshShareDb } from '../reports/fresh-share-db';
import { makeFeed, makeItem } from '../feed/item-factory';
import { makeRecord } from '../reports/share-factory';

const FEED = 'https://siar.example.go.id/feed.json';
const NOW = new Date('2026-11-26T03:00:00Z');
const TODAY = '2026-11-26T01:00:00Z';

async function serve(ids: string[]) {
  const items = ids.map((id) => makeItem({ id, title: `Judul ${id}`, datePublished: TODAY }));
  await feedCache.setValue({ [FEED]: { ...EMPTY_CACHE_ENTRY, feed: makeFeed(items) } });
}

describe('badge', () => {
  afterEach(() => flushOutbox());
  beforeEach(async () => {
    fakeBrowser.reset();
    await freshShareDb();
    await userSubscriptions.setValue([{ url: FEED }]);
  });

  it('counts today’s items not shared yet, and clears at zero', async () => {
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    await serve(['a', 'b', 'c']);
    await recordShare(makeRecord('1', { receiver: null, delivery: 'local', report: { ...makeRecord('1').report, feed_url: FEED, item_id: 'b' } }));
    expect(await updateBadge(NOW)).toBe(2);
    expect(setBadgeText).toHaveBeenLastCalledWith({ text: '2' });
    await serve(['b']);
    expect(await updateBadge(NOW)).toBe(0);
    expect(setBadgeText).toHaveBeenLastCalledWith({ text: '' });
  });
});

describe('new-post notifications', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('id');
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `chrome-extension://siar${path}`);
    await userSubscriptions.setValue([{ url: FEED }]);
  });

  it('tells once about each new item, in the user’s language', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue(undefined);
    await serve(['a', 'b']);
    expect(await notifyNewPosts(NOW)).toEqual(['a', 'b']);
    expect(create).toHaveBeenCalledWith(NEW_POSTS_NOTIFICATION, expect.objectContaining({ title: '2 unggahan baru siap dibagikan', message: '• Judul a\n• Judul b' }));
    expect(await notifyNewPosts(NOW)).toEqual([]);
    await serve(['a', 'b', 'c']);
    expect(await notifyNewPosts(NOW)).toEqual(['c']);
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('stays quiet when turned off, yet remembers what it saw', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue(undefined);
    await userSettings.setValue({ ...DEFAULT_SETTINGS, notifications: false });
    await serve(['a']);
    await notifyNewPosts(NOW);
    expect(create).not.toHaveBeenCalled();
    expect((await notifiedItems.getValue()).keys).toEqual([`${FEED}\na`]);
  });

  it('starts a new list on a new day', async () => {
    vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue(undefined);
    await notifiedItems.setValue({ date: '2026-11-25', keys: [`${FEED}\na`] });
    await serve(['a']);
    expect(await notifyNewPosts(NOW)).toEqual(['a']);
  });
});
