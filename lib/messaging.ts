import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PlatformId } from './share/platforms';

/**
 * Every message between Siar's contexts. Names say the direction: `popup*` and
 * `options*` are sent by those pages to the background.
 */

export interface ItemRef {
  /** The subscription's URL, exactly as configured. */
  feedUrl: string;
  itemId: string;
}

export type ShareResult = { ok: true; shareId: string } | { ok: false; error: 'unknown_item' | 'not_allowed' | 'bad_post_url' };

export interface ProtocolMap {
  /** Fetch every subscription now (the popup's refresh control, options after a change). */
  popupRefreshFeeds(): void;
  /** "I shared it": a manual confirmation (PROTOCOL §3.2). */
  popupConfirmShare(data: ItemRef & { platform: PlatformId; postUrl: string | null }): ShareResult;
  /** Open a platform's share page for an item; the tab is tied to the item. */
  popupOpenShare(data: ItemRef & { platform: PlatformId; variantOffset: number }): { ok: boolean };
  /** "Kirim sekarang": send the outbox now, ignoring the backoff. */
  popupSendReportsNow(): void;
}

export const messenger = defineExtensionMessaging<ProtocolMap>();
