import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PlatformId } from './share/platforms';
import type { SiteStep } from './sites/site-check';
import type { SiteImage, SiteInsertResult, SitePageState, SiteShareResult } from './sites/site-messages';

/**
 * Every message between Siar's contexts. Names say the direction: `popup*` and
 * `options*` are sent by those pages to the background.
 */

export interface ItemRef {
  /** The subscription's URL, exactly as configured. */
  feedUrl: string;
  itemId: string;
}

export type ShareResult = { ok: true; shareId: string } | { ok: false; error: 'unknown_item' | 'not_now' | 'not_allowed' | 'bad_post_url' };

export interface ProtocolMap {
  /** Fetch every subscription now (the popup's refresh control, options after a change). */
  popupRefreshFeeds(): void;
  /** "I shared it": a manual confirmation (docs/protocol.md §3.2). */
  popupConfirmShare(data: ItemRef & { platform: PlatformId; postUrl: string | null }): ShareResult;
  /** Open a platform's share page for an item; the tab is tied to the item. */
  popupOpenShare(data: ItemRef & { platform: PlatformId; variantOffset: number }): { ok: boolean };
  /** "Kirim sekarang": send the outbox now, ignoring the backoff. */
  popupSendReportsNow(): void;
  /** "Did this post go out?" about a post started on a site but never seen to complete. */
  popupAnswerAttempt(data: { attemptId: string; wentOut: boolean }): ShareResult | { ok: true; shareId: null };

  // --- Social sites (issue 4): sent by Siar's content scripts; the background checks the sender. ---
  /** Today's items allowed on the platform, the item tied to this tab, and the UI's text. */
  siteListItems(data: { platform: PlatformId }): SitePageState;
  /** The caption to insert (from the background's copy of the feed); ties the item to the tab. */
  siteInsertRequest(data: ItemRef & { platform: PlatformId }): SiteInsertResult;
  /** Instagram: the item's image, fetched by the background from the feed's origin. */
  siteImageRequest(data: ItemRef & { platform: PlatformId }): SiteImage | null;
  /** The user's trusted click on the site's Post control (kept until the post is seen to go out). */
  siteSubmitAttempt(data: { platform: PlatformId; postedText: string | null }): void;
  /** The site accepted the post carrying the tab's item (`published`). */
  sitePublished(data: { platform: PlatformId; postUrl: string | null; postedText: string | null }): SiteShareResult;
  /** WhatsApp / Telegram: the user answered "sudah terkirim?" with yes (`confirmed`). */
  siteConfirmSent(data: { platform: PlatformId; postedText: string | null }): SiteShareResult;
  /** The site check (issue 11): one step of a share on this site worked or not. */
  siteStep(data: { platform: PlatformId; step: SiteStep; ok: boolean }): { outdated: boolean };
}

export const messenger = defineExtensionMessaging<ProtocolMap>();
