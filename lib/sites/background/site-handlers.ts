import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { captionForShown } from '../../captions/build-caption';
import { loadIdentity, loadSubscriptions, readPolicy } from '../../config';
import { safeUrl } from '../../feed/safe-url';
import { isCurrent, allowsPlatform, selectTodayFromCache } from '../../feed/today';
import { createTranslator, resolveLanguage } from '../../i18n';
import type { ItemRef } from '../../messaging';
import { makeShareRecord } from '../../reports/make-share';
import { recordShare } from '../../reports/outbox-service';
import type { ShareStatus } from '../../reports/types';
import { createSerialQueue } from '../../serial';
import { findItem, isAllowedOn } from '../../share/find-item';
import type { PlatformId } from '../../share/platforms';
import { feedCache, userSettings } from '../../storage';
import { comparableLines } from '../editor-text';
import { adapterFor } from '../registry';
import type { SiteImage, SiteInsertResult, SitePageState, SiteShareResult } from '../site-messages';
import { SITE_TEXT_KEYS } from '../site-text';
import { isSiteOutdated } from './site-health';
import { checkSender } from './site-sender';
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

async function findSharable(ref: ItemRef, platform: PlatformId) {
  const found = await findItem(ref);
  if (!found || !isCurrent(found.shown.item, new Date(), found.shown.timeZone)) return { error: 'unknown_item' as const };
  if (!isAllowedOn(found, platform)) return { error: 'not_allowed' as const };
  return { found };
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
    const tie = await tabShare(tabId);
    if (!tie || tie.platform !== platform) return { ok: false, error: 'no_item_in_tab' };
    const result = await findSharable(tie, platform);
    if (!result.found) return { ok: false, error: result.error };
    const { reporter } = await loadIdentity();
    const caption = captionForShown(result.found.shown, platform, { reporterId: reporter.id, variantOffset: tie.variantOffset }).text;
    // A post of the user's own, made in a tab that carries an item, is not that item's share.
    if (!postedTextCarries(caption, postedText)) return { ok: false, error: 'other_text' };
    // A link that is not this platform's permalink shape is dropped, not trusted.
    const safe = postUrl ? safeUrl(postUrl) : null;
    const link = safe && adapter.isPermalink(new URL(safe), new URL(pageUrl)) ? safe : null;
    const record = makeShareRecord({
      shown: result.found.shown,
      signatureVerified: result.found.signatureVerified,
      platform,
      status,
      method: tie.method,
      postUrl: link,
      reporter,
      clientVersion: browser.runtime.getManifest().version,
      now: new Date(),
    });
    await untieTab(tabId);
    await recordShare(record);
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

/** A tab that closes takes its item with it. */
export function forgetClosedTab(tabId: number): void {
  void untieTab(tabId);
}
