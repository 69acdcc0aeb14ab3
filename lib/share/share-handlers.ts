import { browser } from 'wxt/browser';
import { captionForShown } from '../captions/build-caption';
import { loadIdentity, readPolicy } from '../config';
import { userSettings } from '../storage';
import { safeUrl } from '../feed/safe-url';
import type { ItemRef, ShareResult } from '../messaging';
import { makeShareRecord } from '../reports/make-share';
import { recordShare } from '../reports/outbox-service';
import { findSharable } from './find-item';
import { mastodonOrigins } from '../sites/background/mastodon-instances';
import { tieTab } from '../sites/background/tab-shares';
import { shareRoute } from './share-routes';
import type { PlatformId } from './platforms';

/** The background's side of the popup's share controls. */

export async function confirmShare(
  request: ItemRef & { platform: PlatformId; postUrl: string | null },
): Promise<ShareResult> {
  const { found, error } = await findSharable(request, request.platform);
  if (!found) return { ok: false, error };
  let postUrl: string | null = null;
  if (request.postUrl && request.postUrl.trim() !== '') {
    postUrl = safeUrl(request.postUrl);
    if (!postUrl) return { ok: false, error: 'bad_post_url' };
  }
  const { reporter } = await loadIdentity();
  const record = makeShareRecord({
    shown: found.shown,
    signatureVerified: found.signatureVerified,
    platform: request.platform,
    status: 'confirmed',
    method: 'manual',
    postUrl,
    reporter,
    clientVersion: browser.runtime.getManifest().version,
    now: new Date(),
  });
  await recordShare(record);
  return { ok: true, shareId: record.report.id };
}

export async function openShare(
  request: ItemRef & { platform: PlatformId; variantOffset: number },
): Promise<{ ok: boolean }> {
  const { found } = await findSharable(request, request.platform);
  if (!found) return { ok: false };
  const [policy, settings] = await Promise.all([readPolicy(), userSettings.getValue()]);
  const { reporter } = await loadIdentity(policy);
  const caption = captionForShown(found.shown, request.platform, {
    reporterId: reporter.id,
    variantOffset: request.variantOffset,
  });
  const [mastodonInstance] = mastodonOrigins(settings, policy);
  const route = shareRoute(request.platform, { text: caption.text, itemUrl: found.shown.item.url, mastodonInstance });
  if (route.kind === 'manual') return { ok: false };
  const tab = await browser.tabs.create({ url: route.url });
  // The tab carries the item, so that Siar's button there knows it and its post is reported.
  if (tab.id !== undefined) {
    await tieTab(tab.id, {
      feedUrl: request.feedUrl,
      itemId: request.itemId,
      platform: request.platform,
      method: route.kind === 'intent' ? 'intent' : 'composer',
      stage: 'queued',
      variantOffset: request.variantOffset,
    });
  }
  return { ok: true };
}
