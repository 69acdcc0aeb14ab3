import { formatWithOffset } from '../time/zoned-date';
import { safeUrl, sameOrigin } from '../feed/safe-url';
import type { ShownItem } from '../feed/today';
import type { PlatformId } from '../share/platforms';
import type { Reporter, ShareMethod, ShareRecord, ShareStatus } from './types';

export const CLIENT_NAME = 'siar';

/**
 * docs/protocol.md §3.3: the subscription's report_url; else the feed's own, but only
 * from the feed's origin or from a feed whose signature was verified.
 */
export function chooseReceiver(shown: { subscription: Pick<ShownItem['subscription'], 'url' | 'report_url'>; feed: Pick<ShownItem['feed'], 'reportUrl'> }, signatureVerified: boolean): string | null {
  // The subscription's own address passes the feed-URL check too (no http: off loopback).
  if (shown.subscription.report_url) return safeUrl(shown.subscription.report_url);
  const own = shown.feed.reportUrl;
  if (own && (signatureVerified || sameOrigin(own, shown.subscription.url))) return own;
  return null;
}

export interface NewShare {
  shown: ShownItem;
  signatureVerified: boolean;
  platform: PlatformId;
  status: ShareStatus;
  method: ShareMethod;
  postUrl: string | null;
  reporter: Reporter;
  clientVersion: string;
  now: Date;
  id?: string;
}

/** A share as it enters the history and, when a receiver is known, the outbox. */
export function makeShareRecord(share: NewShare): ShareRecord {
  const receiver = chooseReceiver(share.shown, share.signatureVerified);
  return {
    report: {
      id: share.id ?? crypto.randomUUID(),
      feed_url: share.shown.subscription.url,
      item_id: share.shown.item.id,
      item_url: share.shown.item.url,
      platform: share.platform,
      status: share.status,
      method: share.method,
      post_url: share.postUrl,
      shared_at: formatWithOffset(share.now, share.shown.timeZone),
      reporter: { ...share.reporter },
      client: { name: CLIENT_NAME, version: share.clientVersion },
    },
    title: share.shown.item.title,
    receiver,
    delivery: receiver ? 'pending' : 'local',
    reason: null,
    attempts: 0,
    nextAttemptAt: share.now.getTime(),
    deliveredAt: null,
    recordedAt: share.now.getTime(),
  };
}
