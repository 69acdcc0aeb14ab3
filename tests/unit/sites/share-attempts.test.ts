import type { Runtime } from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_CACHE_ENTRY } from '@/lib/feed/fetch-feed';
import { flushOutbox } from '@/lib/reports/outbox-service';
import * as outbox from '@/lib/reports/outbox-service';
import { listShares } from '@/lib/reports/share-db';
import { answerAttempt } from '@/lib/share/answer-attempt';
import { ATTEMPT_QUESTION_AFTER_MS, unfinishedAttempts } from '@/lib/sites/background/share-attempts';
import { forgetClosedTab, recordAttempt, recordPublished, requestInsert } from '@/lib/sites/background/site-handlers';
import { tabShare } from '@/lib/sites/background/tab-shares';
import { DEFAULT_SETTINGS, feedCache, shareAttempts, userSettings, userSubscriptions } from '@/lib/storage';
import { makeFeed, makeItem } from '../feed/item-factory';
import { freshShareDb } from '../reports/fresh-share-db';

/** Issue 12: no share lost between the Post click and the outbox. */

const FEED = 'https://siar.example.go.id/feed.json';
const TAB = 9;
const POSTED = 'Baris satu\nBaris dua\nhttps://babel.antaranews.com/1';
const sender = (): Runtime.MessageSender => {
  const url = 'https://x.com/home';
  return { id: fakeBrowser.runtime.id, url, tab: { id: TAB, url, index: 0, highlighted: true, active: true, pinned: false, incognito: false } };
};

describe('share attempts', () => {
  afterEach(() => flushOutbox());
  beforeEach(async () => {
    fakeBrowser.reset();
    await freshShareDb();
    vi.restoreAllMocks();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Siar', version: '0.1.0' });
    vi.stubGlobal('fetch', async () => new Response('{"accepted":[],"duplicate":[],"rejected":[]}'));
    await userSubscriptions.setValue([{ url: FEED }]);
    await userSettings.setValue({ ...DEFAULT_SETTINGS, reporter: { id: '1987', name: 'Budi', unit: 'Kominfo' } });
    const item = makeItem({ id: 'saik', title: 'SAIK', url: 'https://babel.antaranews.com/1', datePublished: new Date().toISOString(), captions: { default: ['Baris satu\n\nBaris dua'] } });
    await feedCache.setValue({ [FEED]: { ...EMPTY_CACHE_ENTRY, feed: makeFeed([item], { reportUrl: 'https://siar.example.go.id/api/v1/shares' }) } });
    await requestInsert(sender(), { feedUrl: FEED, itemId: 'saik', platform: 'x' });
  });

  it('keeps the Post click; a tab closed before the site answered asks, and Yes reports it once as confirmed', async () => {
    await recordAttempt(sender(), { platform: 'x', postedText: POSTED });
    const [kept] = Object.values(await shareAttempts.getValue());
    expect(kept).toMatchObject({ itemId: 'saik', platform: 'x', method: 'composer', tabClosed: false });
    // Not asked yet: the site may still answer.
    expect(unfinishedAttempts(await shareAttempts.getValue())).toEqual([]);
    forgetClosedTab(TAB);
    await vi.waitFor(async () => expect(unfinishedAttempts(await shareAttempts.getValue())).toHaveLength(1));
    const [asked] = unfinishedAttempts(await shareAttempts.getValue());
    expect(asked?.id).toBe(kept!.id);

    expect(await answerAttempt({ attemptId: kept!.id, wentOut: true })).toEqual({ ok: true, shareId: kept!.id });
    const shares = await listShares();
    expect(shares.map((s) => s.report)).toMatchObject([{ id: kept!.id, item_id: 'saik', status: 'confirmed', method: 'composer', post_url: null }]);
    // Asked again (another popup, a double click): nothing more.
    expect((await answerAttempt({ attemptId: kept!.id, wentOut: true })).ok).toBe(false);
    expect(await listShares()).toHaveLength(1);
  });

  it('asks about an attempt the site never confirmed after a while, and No forgets it', async () => {
    await recordAttempt(sender(), { platform: 'x', postedText: POSTED });
    const [kept] = Object.values(await shareAttempts.getValue());
    expect(unfinishedAttempts(await shareAttempts.getValue(), Date.now() + ATTEMPT_QUESTION_AFTER_MS)).toHaveLength(1);
    expect(await answerAttempt({ attemptId: kept!.id, wentOut: false })).toEqual({ ok: true, shareId: null });
    expect(await shareAttempts.getValue()).toEqual({});
    expect(await listShares()).toEqual([]);
  });

  it('keeps nothing for a post that does not carry the item', async () => {
    await recordAttempt(sender(), { platform: 'x', postedText: 'Tulisan saya sendiri' });
    expect(await shareAttempts.getValue()).toEqual({});
  });

  it('reports the published post under the attempt’s id and settles the attempt', async () => {
    await recordAttempt(sender(), { platform: 'x', postedText: POSTED });
    const [kept] = Object.values(await shareAttempts.getValue());
    await recordPublished(sender(), { platform: 'x', postUrl: 'https://x.com/budi/status/186', postedText: POSTED });
    expect((await listShares()).map((s) => [s.report.id, s.report.status])).toEqual([[kept!.id, 'published']]);
    expect(await shareAttempts.getValue()).toEqual({});
  });

  it('writes the share before it unties the tab: a failed write leaves the tab’s item for the next try', async () => {
    vi.spyOn(outbox, 'recordShare').mockRejectedValueOnce(new Error('disk full'));
    await expect(recordPublished(sender(), { platform: 'x', postUrl: null, postedText: POSTED })).rejects.toThrow('disk full');
    expect(await tabShare(TAB)).not.toBeNull();
    await recordPublished(sender(), { platform: 'x', postUrl: null, postedText: POSTED });
    expect(await listShares()).toHaveLength(1);
    expect(await tabShare(TAB)).toBeNull();
  });
});
