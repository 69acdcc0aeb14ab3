import type { PlatformId } from '../share/platforms';

export interface Reporter {
  id: string;
  name: string;
  unit: string;
}

export type ShareStatus = 'published' | 'confirmed';
export type ShareMethod = 'composer' | 'intent' | 'manual';

/** One report exactly as PROTOCOL §3.3 sends it. */
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
  /** The receiver chosen when the share was made (PROTOCOL §3.3). */
  receiver: string | null;
  delivery: DeliveryState;
  /** Why the receiver rejected it, or why the last attempt failed. */
  reason: string | null;
  attempts: number;
  /** Not before this instant (ms since epoch). */
  nextAttemptAt: number;
  deliveredAt: string | null;
}

/** A receiver's state, so that a bad token pauses it and Retry-After is honoured. */
export interface ReceiverState {
  /** Set on 401 / 403: nothing is sent until the token changes. */
  pausedForAuth: boolean;
  /** Consecutive failed attempts, for the backoff. */
  failures: number;
  nextAttemptAt: number;
  lastError: string | null;
  /** 1 after a 400 to a larger batch, so that one bad report cannot hold back the rest. */
  batchLimit: number;
}
