import type { Runtime } from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_CACHE_ENTRY } from '@/lib/feed/fetch-feed';
import { openShare } from '@/lib/share/share-handlers';
import { listSiteItems, postedTextCarries, recordPublished, recordSentConfirmation, requestInsert } from '@/lib/sites/background/site-handlers';
import { tabShare, tieTab } from '@/lib/sites/background/tab-shares';
import { flushOutbox } from '@/lib/reports/outbox-service';
import { listShares } from '@/lib/reports/share-db';
import { DEFAULT_SETTINGS, feedCache, userSettings, userSubscriptions } from '@/lib/storage';
import { freshShareDb } from '../reports/fresh-share-db';
import { makeFeed, makeItem } from '../feed/item-factory';

const FEED = 'https://siar.example.go.id/feed.json';
const TAB = 7;
/** What the composer held at the submit: the caption, with a line of the user's own. */
const POSTED = 'Baris satu\nBaris dua\nhttps://babel.antaranews.com/1\nAyo dukung!';

function fromTab(url: string, overrides: Partial<Runtime.MessageSender> = {}): Runtime.MessageSender {
  return { id: fakeBrowser.runtime.id, url, tab: { id: TAB, url, index: 0, highlighted: true, active: true, pinned: false, incognito: false }, ...overrides };
}

describe('the background’s side of the content scripts', () => {
  // A share starts a send in the background: let it end before the next test's database.
  afterEach(() => flushOutbox());
  beforeEach(async () => {
    fakeBrowser.reset();
    await freshShareDb();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Siar', version: '0.1.0' });
    (fakeBrowser.i18n as { getUILanguage: () => string }).getUILanguage = () => 'id-ID';
    vi.stubGlobal('fetch', async () => new Response('{"accepted":[],"duplicate":[],"rejected":[]}'));
    await userSubscriptions.setValue([{ url: FEED }]);
    await userSettings.setValue({ ...DEFAULT_SETTINGS, reporter: { id: '1987', name: 'Budi', unit: 'Kominfo' } });
    const today = new Date().toISOString();
    const items = [
      makeItem({ id: 'saik', title: 'SAIK', url: 'https://babel.antaranews.com/1', datePublished: today, captions: { default: ['Baris satu\n\nBaris dua'] } }),
      makeItem({ id: 'x-only', title: 'Hanya X', platforms: ['x'], datePublished: today }),
      makeItem({ id: 'old', title: 'Lama', datePublished: '2020-01-01T00:00:00Z' }),
    ];
    await feedCache.setValue({ [FEED]: { ...EMPTY_CACHE_ENTRY, feed: makeFeed(items, { reportUrl: 'https://siar.example.go.id/api/v1/shares' }) } });
  });

  it('lists today’s items allowed on the platform, with the UI’s text in the user’s language', async () => {
    const state = await listSiteItems(fromTab('https://www.facebook.com/'), { platform: 'facebook' });
    expect(state.items.map((item) => item.itemId)).toEqual(['saik']);
    expect(state.texts.siteInsert).toBe('Sisipkan');
    expect(state.carried).toBeNull();
    const onX = await listSiteItems(fromTab('https://x.com/home'), { platform: 'x' });
    expect(onX.items.map((item) => item.itemId).sort()).toEqual(['saik', 'x-only']);
  });

  it.each([
    ['another extension', fromTab('https://x.com/home', { id: 'other-extension' })],
    ['a page on another site', fromTab('https://evil.example/x.com')],
    ['a frame of another site', { ...fromTab('https://x.com/home'), url: 'https://evil.example/' }],
    ['an extension page', { id: fakeBrowser.runtime.id, url: 'chrome-extension://x/popup.html' }],
  ])('refuses %s', async (_label, sender) => {
    await expect(listSiteItems(sender as Runtime.MessageSender, { platform: 'x' })).rejects.toThrow();
    await expect(recordPublished(sender as Runtime.MessageSender, { platform: 'x', postUrl: null, postedText: POSTED })).rejects.toThrow();
  });

  it('inserts from its own copy of the feed and ties the item to the tab; the published post is recorded once', async () => {
    const sender = fromTab('https://x.com/home');
    expect(await requestInsert(sender, { feedUrl: FEED, itemId: 'saik', platform: 'x' })).toEqual({
      ok: true,
      caption: 'Baris satu\n\nBaris dua\n\nhttps://babel.antaranews.com/1',
    });
    expect(await tabShare(TAB)).toMatchObject({ itemId: 'saik', method: 'composer', stage: 'inserted', platform: 'x' });

    const result = await recordPublished(sender, { platform: 'x', postUrl: 'https://x.com/budi/status/186', postedText: POSTED });
    expect(result.ok).toBe(true);
    const [record] = await listShares();
    expect(record?.report).toMatchObject({ item_id: 'saik', platform: 'x', status: 'published', method: 'composer', post_url: 'https://x.com/budi/status/186' });
    // The tab's item is used up: the same post is never reported twice.
    expect(await recordPublished(sender, { platform: 'x', postUrl: 'https://x.com/budi/status/186', postedText: POSTED })).toEqual({ ok: false, error: 'no_item_in_tab' });
    expect(await listShares()).toHaveLength(1);
  });

  it('records nothing for a tab without an item, and drops a link that is not the platform’s permalink', async () => {
    const sender = fromTab('https://x.com/home');
    expect(await recordPublished(sender, { platform: 'x', postUrl: null, postedText: POSTED })).toEqual({ ok: false, error: 'no_item_in_tab' });
    await requestInsert(sender, { feedUrl: FEED, itemId: 'saik', platform: 'x' });
    await recordPublished(sender, { platform: 'x', postUrl: 'https://evil.example/budi/status/1', postedText: POSTED });
    expect((await listShares())[0]?.report.post_url).toBeNull();
  });

  it('records nothing when the user posted something else in a tab that carries an item', async () => {
    const sender = fromTab('https://x.com/home');
    await requestInsert(sender, { feedUrl: FEED, itemId: 'saik', platform: 'x' });
    expect(await recordPublished(sender, { platform: 'x', postUrl: null, postedText: 'Selamat pagi semua!' })).toEqual({ ok: false, error: 'other_text' });
    expect(await recordPublished(sender, { platform: 'x', postUrl: null, postedText: null })).toEqual({ ok: false, error: 'other_text' });
    expect(await listShares()).toEqual([]);
    // The tab still carries the item for the real post.
    expect((await recordPublished(sender, { platform: 'x', postUrl: null, postedText: POSTED })).ok).toBe(true);
  });

  it.each([
    ['the caption itself', 'A\nB\nC\nD', true],
    ['with a line added and one word fixed', 'Mari!\nA\nB\nC\nD ubah', true],
    ['half of it', 'A\nB', true],
    ['less than half', 'A', false],
    ['something else', 'E\nF', false],
    ['nothing seen', null, false],
  ])('postedTextCarries: %s', (_label, posted, expected) => {
    expect(postedTextCarries('A\n\nB\nC\nD', posted)).toBe(expected);
  });

  it('refuses items that are not today’s, not allowed there, or unknown', async () => {
    const sender = fromTab('https://www.facebook.com/');
    expect(await requestInsert(sender, { feedUrl: FEED, itemId: 'x-only', platform: 'facebook' })).toEqual({ ok: false, error: 'not_allowed' });
    expect(await requestInsert(sender, { feedUrl: FEED, itemId: 'old', platform: 'facebook' })).toEqual({ ok: false, error: 'unknown_item' });
    expect(await requestInsert(sender, { feedUrl: FEED, itemId: 'nope', platform: 'facebook' })).toEqual({ ok: false, error: 'unknown_item' });
    expect(await tabShare(TAB)).toBeNull();
  });

  it('takes “sudah terkirim” only on chats, and “published” only where Siar can see the post', async () => {
    const wa = fromTab('https://web.whatsapp.com/');
    await requestInsert(wa, { feedUrl: FEED, itemId: 'saik', platform: 'whatsapp' });
    expect(await recordPublished(wa, { platform: 'whatsapp', postUrl: null, postedText: POSTED })).toEqual({ ok: false, error: 'wrong_signal' });
    expect((await recordSentConfirmation(wa, { platform: 'whatsapp', postedText: POSTED })).ok).toBe(true);
    expect((await listShares())[0]?.report).toMatchObject({ platform: 'whatsapp', status: 'confirmed', method: 'composer', post_url: null });
    const x = fromTab('https://x.com/home');
    await requestInsert(x, { feedUrl: FEED, itemId: 'saik', platform: 'x' });
    expect(await recordSentConfirmation(x, { platform: 'x', postedText: POSTED })).toEqual({ ok: false, error: 'wrong_signal' });
  });

  it('a tie on one platform is not used by a page of another', async () => {
    await tieTab(TAB, { feedUrl: FEED, itemId: 'saik', platform: 'facebook', method: 'composer', stage: 'queued', variantOffset: 0 });
    expect(await recordPublished(fromTab('https://x.com/home'), { platform: 'x', postUrl: null, postedText: POSTED })).toEqual({ ok: false, error: 'no_item_in_tab' });
    expect(await tabShare(TAB)).not.toBeNull();
  });

  it('serves Mastodon only on the user’s instances', async () => {
    await expect(listSiteItems(fromTab('https://mastodon.go.id/home'), { platform: 'mastodon' })).rejects.toThrow();
    await userSettings.setValue({ ...DEFAULT_SETTINGS, mastodonInstances: ['mastodon.go.id'] });
    expect((await listSiteItems(fromTab('https://mastodon.go.id/home'), { platform: 'mastodon' })).items).toHaveLength(1);
  });
});

describe('openShare ties the new tab to its item', () => {
  // A share starts a send in the background: let it end before the next test's database.
  afterEach(() => flushOutbox());
  beforeEach(async () => {
    fakeBrowser.reset();
    await freshShareDb();
    await userSubscriptions.setValue([{ url: FEED }]);
    await feedCache.setValue({ [FEED]: { ...EMPTY_CACHE_ENTRY, feed: makeFeed([makeItem({ id: 'saik', datePublished: new Date().toISOString() })]) } });
  });

  it.each([
    ['x', 'intent', 'https://x.com/intent/tweet?text='],
    ['facebook', 'composer', 'https://www.facebook.com/'],
    ['instagram', 'composer', 'https://www.instagram.com/'],
  ] as const)('%s: %s', async (platform, method, url) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await openShare({ feedUrl: FEED, itemId: 'saik', platform, variantOffset: 0 })).toEqual({ ok: true });
    expect(create).toHaveBeenCalledWith({ url: expect.stringContaining(url) });
    const tab = await create.mock.results[0]!.value;
    expect(await tabShare(tab.id)).toMatchObject({ itemId: 'saik', platform, method, stage: 'queued' });
  });
});
