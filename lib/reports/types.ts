import type { PlatformId } from '../share/platforms';
import type { RetryCode } from './send-batch';

export interface Reporter {
  id: string;
  name: string;
  unit: string;
}

/** The values of a report's `status` and `method` (docs/protocol.md §3.3): the receiver's schema checks the same lists. */
export const SHARE_STATUSES = ['published', 'confirmed'] as const;
export const SHARE_METHODS = ['composer', 'intent', 'manual'] as const;
export type ShareStatus = (typeof SHARE_STATUSES)[number];
export type ShareMethod = (typeof SHARE_METHODS)[number];

/** One report exactly as docs/protocol.md §3.3 sends it. */
export interface ShareReport {
  id: string;
  feed_url: string;
  item_id: string;
  item_url: string | null;
  platform: PlatformId;
  status: ShareStatus;
  method: ShareMethod;
  post_url: string | null;
  shared_at: string;
  reporter: Reporter;
  client: { name: string; version: string };
}

/**
 * Where a share's report stands. `local`: no receiver is known, the share lives
 * in the history only.
 */
export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'local';

/** A share in the history; the outbox is the pending ones. */
export interface ShareRecord {
  report: ShareReport;
  /** The item's title when it was shared, for the history page. */
  title: string;
  /** The receiver chosen when the share was made (docs/protocol.md §3.3). */
  receiver: string | null;
  delivery: DeliveryState;
  /** Why the receiver rejected it, or why the last attempt failed. */
  reason: string | null;
  attempts: number;
  /** Not before this instant (ms since epoch). */
  nextAttemptAt: number;
  deliveredAt: string | null;
  /** When the share was recorded (ms); shared_at has whole seconds only. Absent in old records. */
  recordedAt?: number;
}

/** A receiver's state, so that a bad token pauses it and Retry-After is honoured. */
export interface ReceiverState {
  /** Set on 401 / 403: nothing is sent until the token changes. */
  pausedForAuth: boolean;
  /** Consecutive failed attempts, for the backoff. */
  failures: number;
  nextAttemptAt: number;
  lastError: string | null;
  /** What kind of failure lastError is, for a sentence in the user's language. */
  lastErrorCode: OutboxErrorCode | null;
  /** 1 after a 400 to a larger batch, so that one bad report cannot hold back the rest. */
  batchLimit: number;
  /** The ids of batches split by a 400 that are not settled yet (absent: none). */
  suspects?: string[];
}

export type OutboxErrorCode = RetryCode | 'auth' | 'bad_request';

/**
 * What the popup and options say about the outbox (docs/protocol.md §3.5: nothing is
 * dropped silently), kept small in storage.local by the background after every
 * change, so that pages can watch it without reading the whole history.
 */

export interface ReceiverSummary extends ReceiverState {
  url: string;
  /** Reports waiting for this receiver. */
  waiting: number;
  /** When the earliest of them may be sent (ms), backoff and Retry-After included. */
  dueAt: number;
}

export interface OutboxSummary {
  /** Reports waiting for any receiver. */
  waiting: number;
  /** Shares kept in the history only: no receiver is known. */
  localOnly: number;
  /** Reports a receiver rejected: failed, kept in the history with the reason. */
  failed: number;
  receivers: ReceiverSummary[];
  updatedAt: number;
}

export const EMPTY_OUTBOX_SUMMARY: OutboxSummary = { waiting: 0, localOnly: 0, failed: 0, receivers: [], updatedAt: 0 };
