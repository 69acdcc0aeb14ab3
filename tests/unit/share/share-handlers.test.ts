import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_CACHE_ENTRY } from '@/lib/feed/fetch-feed';
import { flushOutbox } from '@/lib/reports/outbox-service';
import { listShares } from '@/lib/reports/share-db';
import { confirmShare, openShare } from '@/lib/share/share-handlers';
import { feedCache, userSettings, userSubscriptions, DEFAULT_SETTINGS } from '@/lib/storage';
import { makeFeed, makeItem } from '../feed/item-factory';
import { freshShareDb } from '../reports/fresh-share-db';

const FEED = 'https://siar.example.go.id/feed.json';

/** A fresh background subscribed to FEED, whose receiver accepts whatever it is sent. */
async function subscribedBackground(): Promise<void> {
    fakeBrowser.reset();
    await freshShareDb();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Siar', version: '0.1.0' });
    vi.stubGlobal('fetch', async () => new Response('{"accepted":[],"duplicate":[],"rejected":[]}'));
    await userSubscriptions.setValue([{ url: FEED }]);
}

describe('confirmShare', () => {
  // A share starts a send in the background: let it end before the next test's database.
  afterEach(() => flushOutbox());
  beforeEach(async () => {
    await subscribedBackground();
    await userSettings.setValue({ ...DEFAULT_SETTINGS, reporter: { id: '1987', name: 'Budi', unit: 'Kominfo' } });
    const today = new Date().toISOString();
    const hour = 3600_000;
    const items = [
      makeItem({ id: 'saik', url: 'https://babel.antaranews.com/berita/1', title: 'SAIK', datePublished: today }),
      makeItem({ id: 'x-only', platforms: ['x'], datePublished: today }),
      makeItem({ id: 'draft', approved: false, datePublished: today }),
      makeItem({ id: 'embargoed', validFrom: new Date(Date.now() + hour).toISOString() }),
      makeItem({ id: 'over', validFrom: new Date(Date.now() - 2 * hour).toISOString(), validUntil: new Date(Date.now() - hour).toISOString() }),
    ];
    await feedCache.setValue({ [FEED]: { ...EMPTY_CACHE_ENTRY, feed: makeFeed(items, { reportUrl: 'https://siar.example.go.id/api/v1/shares' }) } });
  });

  it('records a manual confirmation from the background’s own copy of the item', async () => {
    const result = await confirmShare({ feedUrl: FEED, itemId: 'saik', platform: 'whatsapp', postUrl: ' ' });
    expect(result.ok).toBe(true);
    const [record] = await listShares();
    expect(record?.report).toMatchObject({
      item_url: 'https://babel.antaranews.com/berita/1',
      platform: 'whatsapp',
      status: 'confirmed',
      method: 'manual',
      post_url: null,
      reporter: { id: '1987', name: 'Budi', unit: 'Kominfo' },
      client: { name: 'siar', version: '0.1.0' },
    });
  });

  it.each([
    ['an unknown item', { itemId: 'nope', platform: 'x' as const }, 'unknown_item'],
    ['an unapproved item', { itemId: 'draft', platform: 'x' as const }, 'unknown_item'],
    ['a platform the item is not for', { itemId: 'x-only', platform: 'facebook' as const }, 'not_allowed'],
    ['an embargoed item (valid_from later)', { itemId: 'embargoed', platform: 'whatsapp' as const }, 'not_now'],
    ['an item whose window is over', { itemId: 'over', platform: 'whatsapp' as const }, 'not_now'],
    ['an unsafe post link', { itemId: 'saik', platform: 'x' as const, postUrl: 'javascript:alert(1)' }, 'bad_post_url'],
  ])('refuses %s and records nothing', async (_label, request, error) => {
    const result = await confirmShare({ feedUrl: FEED, postUrl: null, ...request });
    expect(result).toEqual({ ok: false, error });
    expect(await listShares()).toEqual([]);
  });
});

describe('the one rule on the other paths', () => {
  beforeEach(async () => {
    await subscribedBackground();
    const hour = 3600_000;
    await feedCache.setValue({
      [FEED]: { ...EMPTY_CACHE_ENTRY, feed: makeFeed([makeItem({ id: 'embargoed', validFrom: new Date(Date.now() + hour).toISOString() })]) },
    });
  });

  it('opens no share page for an embargoed item', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await openShare({ feedUrl: FEED, itemId: 'embargoed', platform: 'x', variantOffset: 0 })).toEqual({ ok: false });
    expect(create).not.toHaveBeenCalled();
  });

  it('refuses an item of a signed copy past its exp, or of a copy the key did not verify', async () => {
    const at = Math.floor(Date.now() / 1000);
    const feed = makeFeed([makeItem({ id: 'a', datePublished: new Date().toISOString() })]);
    const statement = { url: FEED, sha256: 'x', iat: at - 7200, exp: at - 60, seq: 1 };
    await userSubscriptions.setValue([{ url: FEED, public_key: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }]);
    await feedCache.setValue({ [FEED]: { ...EMPTY_CACHE_ENTRY, feed, signatureVerified: true, verifiedKey: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', statement } });
    expect(await confirmShare({ feedUrl: FEED, itemId: 'a', platform: 'x', postUrl: null })).toEqual({ ok: false, error: 'unknown_item' });
    await feedCache.setValue({ [FEED]: { ...EMPTY_CACHE_ENTRY, feed, signatureVerified: true, verifiedKey: 'other', statement: { ...statement, exp: at + 3600 } } });
    expect(await confirmShare({ feedUrl: FEED, itemId: 'a', platform: 'x', postUrl: null })).toEqual({ ok: false, error: 'unknown_item' });
    await feedCache.setValue({ [FEED]: { ...EMPTY_CACHE_ENTRY, feed, signatureVerified: true, verifiedKey: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', statement: { ...statement, exp: at + 3600 } } });
    expect((await confirmShare({ feedUrl: FEED, itemId: 'a', platform: 'x', postUrl: null })).ok).toBe(true);
    await flushOutbox();
  });
});
