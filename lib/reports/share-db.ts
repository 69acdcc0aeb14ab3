import type { DBSchema, IDBPDatabase } from 'idb';
import { idbConnection } from '../idb-connection';
import { itemKey } from '../feed/today';
import { isWaiting } from './outbox';
import type { PlatformId } from '../share/platforms';
import type { ReceiverState, ShareRecord } from './types';

/**
 * The history and the outbox in IndexedDB. One storage.local item holding every
 * share did not scale: at 10,000 shares it is 8.5 MB, each new share rewrote all
 * of it (3 s), every page was sent the whole array on each change, and a little
 * later the 10 MB quota refused the write, losing the share. Here each share is
 * its own row, written alone, and the outbox is an index.
 *
 * The background is the only writer; the popup and history page read.
 */

export const SHARE_DB_NAME = 'siar';
const SHARE_DB_VERSION = 1;

/** A share as stored: the record plus the keys its indexes use. */
export type StoredShare = ShareRecord & {
  /** The receiver, only while the report waits in the outbox (a sparse index). */
  waitingFor?: string;
  /** When it was shared (ms), for the history's order, newest first. */
  sharedAtMs: number;
};

interface SiarDb extends DBSchema {
  shares: {
    key: string;
    value: StoredShare;
    indexes: {
      /** [receiver, nextAttemptAt] of the waiting shares only. */
      outbox: [string, number];
      /** [feed_url, item_id, platform]: which platforms an item was shared on. */
      item: [string, string, string];
      sharedAt: number;
      delivery: string;
    };
  };
  /** Out-of-line key: the receiver's URL. */
  receivers: { key: string; value: ReceiverState };
}

export type ShareDb = IDBPDatabase<SiarDb>;

// A newer version (an update of Siar) wants the database: the connection lets it have it.
const connection = idbConnection<SiarDb>(SHARE_DB_NAME, SHARE_DB_VERSION, (db, oldVersion) => {
  if (oldVersion < 1) {
    const shares = db.createObjectStore('shares', { keyPath: 'report.id' });
    shares.createIndex('outbox', ['waitingFor', 'nextAttemptAt']);
    shares.createIndex('item', ['report.feed_url', 'report.item_id', 'report.platform']);
    shares.createIndex('sharedAt', 'sharedAtMs');
    shares.createIndex('delivery', 'delivery');
    db.createObjectStore('receivers');
  }
});

export function openShareDb(): Promise<ShareDb> {
  return connection.open();
}

/** Closes the connection; the next call opens it again (tests, version changes). */
export function closeShareDb(): Promise<void> {
  return connection.close();
}

export function toStored(record: ShareRecord): StoredShare {
  const stored: StoredShare = { ...record, sharedAtMs: record.recordedAt ?? (Date.parse(record.report.shared_at) || 0) };
  if (isWaiting(record)) stored.waitingFor = record.receiver as string;
  else delete stored.waitingFor;
  return stored;
}

export function fromStored(stored: StoredShare): ShareRecord {
  const { waitingFor: _waiting, sharedAtMs: _at, ...record } = stored;
  return record;
}

/** Range of the outbox index for one receiver, up to `until` (ms) inclusive. */
export function outboxRange(receiver: string, until = Number.POSITIVE_INFINITY): IDBKeyRange {
  return IDBKeyRange.bound([receiver, Number.NEGATIVE_INFINITY], [receiver, until]);
}

/**
 * Each receiver with waiting reports and the nextAttemptAt of its earliest one:
 * the outbox index is sorted by [receiver, nextAttemptAt], so this reads one key
 * per receiver and jumps past the rest.
 */
export async function receiversInOutbox(outbox: {
  openKeyCursor(range?: IDBKeyRange): Promise<{ key: [string, number] } | null>;
}): Promise<[url: string, earliest: number][]> {
  const found: [string, number][] = [];
  let cursor = await outbox.openKeyCursor();
  while (cursor) {
    const [url, earliest] = cursor.key;
    found.push([url, earliest]);
    cursor = await outbox.openKeyCursor(IDBKeyRange.lowerBound([url, Number.POSITIVE_INFINITY], true));
  }
  return found;
}

/** Every share, newest first. */
export async function listShares(): Promise<ShareRecord[]> {
  const db = await openShareDb();
  const rows = await db.getAllFromIndex('shares', 'sharedAt');
  return rows.reverse().map(fromStored);
}

export interface ItemKey {
  feedUrl: string;
  itemId: string;
}

/**
 * The platforms each of a few items was shared on (the popup's "already shared on"):
 * one key per platform through the item index, however many shares there are.
 */
export async function platformsOfItems(items: readonly ItemKey[]): Promise<Map<string, PlatformId[]>> {
  const db = await openShareDb();
  const tx = db.transaction('shares');
  const index = tx.store.index('item');
  const found = new Map<string, PlatformId[]>();
  for (const item of items) {
    const platforms: PlatformId[] = [];
    // Arrays sort after strings: [feed, item, []] closes the range of every platform.
    const range = IDBKeyRange.bound([item.feedUrl, item.itemId], [item.feedUrl, item.itemId, []]);
    let cursor = await index.openKeyCursor(range, 'nextunique');
    while (cursor) {
      platforms.push(cursor.key[2] as PlatformId);
      cursor = await cursor.continue();
    }
    if (platforms.length > 0) found.set(itemKey(item.feedUrl, item.itemId), platforms);
  }
  await tx.done;
  return found;
}
