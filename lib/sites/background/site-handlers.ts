import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { captionForShown } from '../../captions/build-caption';
import { loadIdentity, loadSubscriptions, readPolicy } from '../../config';
import { safeUrl } from '../../feed/safe-url';
import { allowsPlatform, selectTodayFromCache } from '../../feed/today';
import { createTranslator, resolveLanguage } from '../../i18n';
import type { ItemRef } from '../../messaging';
import { makeShareRecord } from '../../reports/make-share';
import { recordShare } from '../../reports/outbox-service';
import type { ShareStatus } from '../../reports/types';
import { createSerialQueue } from '../../serial';
import { findSharable as findSharableItem } from '../../share/find-item';
import type { PlatformId } from '../../share/platforms';
import { feedCache, userSettings } from '../../storage';
import { comparableLines } from '../editor-text';
import { adapterFor } from '../registry';
import type { SiteImage, SiteInsertResult, SitePageState, SiteShareResult } from '../site-messages';
import { SITE_TEXT_KEYS } from '../site-text';
import { isSiteOutdated } from './site-health';
import { checkSender } from './site-sender';
import { attemptOfTab, dropAttempt, keepAttempt, markTabClosed } from './share-attempts';
import { tabShare, tieTab, untieTab } from './tab-shares';

/** The background's side of Siar's content scripts on social sites. */


export async function listSiteItems(sender: Runtime.MessageSender, { platform }: { platform: PlatformId }): Promise<SitePageState> {
  const { tabId } = await checkSender(sender, platform);
  const policy = await readPolicy();
  const [subscriptions, cache, settings, tie] = await Promise.all([
    loadSubscriptions(policy),
    feedCache.getValue(),
    userSettings.getValue(),
    tabShare(tabId),
  ]);
  const outdated = await isSiteOutdated(platform);
  const carried = tie && tie.platform === platform ? tie : null;
  const shown = selectTodayFromCache(subscriptions, cache, new Date()).filter((entry) => allowsPlatform(entry.item, platform));
  const items = shown.map(({ subscription, item }) => ({
    feedUrl: subscription.url,
    itemId: item.id,
    title: item.title,
    queued: carried?.stage === 'queued' && carried.feedUrl === subscription.url && carried.itemId === item.id,
  }));
  items.sort((a, b) => Number(b.queued) - Number(a.queued));
  const t = createTranslator(resolveLanguage(settings.language, browser.i18n.getUILanguage()));
  return {
    // Placeholders stay for the content script to fill ($1: the site's name).
    texts: Object.fromEntries(SITE_TEXT_KEYS.map((key) => [key, t(key, '$1', '$2')])),
    items,
    carried: carried ? { feedUrl: carried.feedUrl, itemId: carried.itemId, method: carried.method, stage: carried.stage } : null,
    outdated,
  };
}

/** The one rule (lib/share/find-item.ts); the site's UI knows an item out of its window as gone. */
async function findSharable(ref: ItemRef, platform: PlatformId) {
  const result = await findSharableItem(ref, platform);
  if (result.found) return { found: result.found };
  return { error: result.error === 'not_allowed' ? ('not_allowed' as const) : ('unknown_item' as const) };
}

export async function requestInsert(
  sender: Runtime.MessageSender,
  request: ItemRef & { platform: PlatformId },
): Promise<SiteInsertResult> {
  const { tabId } = await checkSender(sender, request.platform);
  const result = await findSharable(request, request.platform);
  if (!result.found) return { ok: false, error: result.error };
  const { reporter } = await loadIdentity();
  const caption = captionForShown(result.found.shown, request.platform, { reporterId: reporter.id }).text;
  await tieTab(tabId, {
    feedUrl: request.feedUrl,
    itemId: request.itemId,
    platform: request.platform,
    method: 'composer',
    stage: 'inserted',
    variantOffset: 0,
  });
  return { ok: true, caption };
}

const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

export async function requestImage(
  sender: Runtime.MessageSender,
  request: ItemRef & { platform: PlatformId },
): Promise<SiteImage | null> {
  await checkSender(sender, request.platform);
  const result = await findSharable(request, request.platform);
  const image = result.found?.shown.item.image;
  if (!image) return null;
  try {
    const response = await fetch(image, { credentials: 'omit' });
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (!response.ok || !type.startsWith('image/')) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_IMAGE_BYTES) return null;
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const name = decodeURIComponent(new URL(image).pathname.split('/').pop() || 'siar-image');
    return { base64: btoa(binary), type, name };
  } catch {
    return null;
  }
}

/** One record at a time per background: a tab's item is reported once. */
const serially = createSerialQueue();

/**
 * Whether what the user posted is the tab's item: at least half of the caption's lines
 * are in it (the user may add a line of their own, or fix a word). Without the text
 * (no composer seen at the submit), nothing is recorded.
 */
export function postedTextCarries(caption: string, postedText: string | null): boolean {
  if (postedText === null) return false;
  const posted = comparableLines(postedText);
  const lines = comparableLines(caption).split('\n');
  const found = lines.filter((line) => posted.includes(line)).length;
  return found > 0 && found * 2 >= lines.length;
}

/** The tab's item, if what the user posted carries it (the caption variant the tab got). */
async function carriedItemPosted(tabId: number, platform: PlatformId, postedText: string | null) {
  const tie = await tabShare(tabId);
  if (!tie || tie.platform !== platform) return { error: 'no_item_in_tab' as const };
  const result = await findSharable(tie, platform);
  if (!result.found) return { error: result.error };
  const { reporter } = await loadIdentity();
  const caption = captionForShown(result.found.shown, platform, { reporterId: reporter.id, variantOffset: tie.variantOffset }).text;
  // A post of the user's own, made in a tab that carries an item, is not that item's share.
  if (!postedTextCarries(caption, postedText)) return { error: 'other_text' as const };
  return { tie, found: result.found, reporter };
}

/**
 * The user's trusted click on the site's Post control, for the tab's item: kept before the
 * site answers, so that a tab closed or a worker stopped right after Post loses nothing
 * (the popup then asks "did this post go out?").
 */
export async function recordAttempt(sender: Runtime.MessageSender, data: { platform: PlatformId; postedText: string | null }): Promise<void> {
  const { tabId } = await checkSender(sender, data.platform);
  await serially(async () => {
    const carried = await carriedItemPosted(tabId, data.platform, data.postedText);
    if (!carried.found) return;
    const { tie, found } = carried;
    await keepAttempt({
      id: crypto.randomUUID(),
      tabId,
      feedUrl: tie.feedUrl,
      itemId: tie.itemId,
      platform: data.platform,
      method: tie.method,
      title: found.shown.item.title,
      at: Date.now(),
      tabClosed: false,
    });
  });
}

async function recordFromTab(
  sender: Runtime.MessageSender,
  platform: PlatformId,
  status: ShareStatus,
  postUrl: string | null,
  postedText: string | null,
): Promise<SiteShareResult> {
  const { tabId, pageUrl } = await checkSender(sender, platform);
  const adapter = adapterFor(platform);
  if (!adapter || (status === 'confirmed') !== (adapter.signal === 'ask')) return { ok: false, error: 'wrong_signal' };
  return serially(async () => {
    const carried = await carriedItemPosted(tabId, platform, postedText);
    if (!carried.found) return { ok: false, error: carried.error };
    const { tie, found, reporter } = carried;
    // A link that is not this platform's permalink shape is dropped, not trusted.
    const safe = postUrl ? safeUrl(postUrl) : null;
    const link = safe && adapter.isPermalink(new URL(safe), new URL(pageUrl)) ? safe : null;
    // The attempt's id: were this step cut short and run again, the share is the same row.
    const attempt = await attemptOfTab(tabId);
    const sameItem = attempt && attempt.feedUrl === tie.feedUrl && attempt.itemId === tie.itemId;
    const record = makeShareRecord({
      shown: found.shown,
      signatureVerified: found.signatureVerified,
      platform,
      status,
      method: tie.method,
      postUrl: link,
      reporter,
      clientVersion: browser.runtime.getManifest().version,
      now: new Date(),
      id: sameItem ? attempt.id : undefined,
    });
    // The share is written first; only then is the tab untied and the attempt settled.
    await recordShare(record);
    await untieTab(tabId);
    await dropAttempt((a) => a.tabId === tabId && !a.tabClosed);
    return { ok: true, shareId: record.report.id };
  });
}

export function recordPublished(
  sender: Runtime.MessageSender,
  data: { platform: PlatformId; postUrl: string | null; postedText: string | null },
) {
  return recordFromTab(sender, data.platform, 'published', data.postUrl, data.postedText);
}

export function recordSentConfirmation(sender: Runtime.MessageSender, data: { platform: PlatformId; postedText: string | null }) {
  return recordFromTab(sender, data.platform, 'confirmed', null, data.postedText);
}

/** A tab that closes takes its item with it; a post started there waits for the user's answer. */
export function forgetClosedTab(tabId: number): void {
  void untieTab(tabId);
  void markTabClosed(tabId);
}
