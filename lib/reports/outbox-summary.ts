import { FRESH_RECEIVER } from './outbox';
import { outboxRange, receiversInOutbox, type ShareDb } from './share-db';
import type { OutboxSummary, ReceiverSummary } from './types';

/** Reads the summary from the database: index counts and one key per receiver, never every row. */
export async function readOutboxSummary(db: ShareDb, now = Date.now()): Promise<OutboxSummary> {
  const tx = db.transaction(['shares', 'receivers']);
  const outbox = tx.objectStore('shares').index('outbox');
  const receivers: ReceiverSummary[] = [];
  for (const [url, earliest] of await receiversInOutbox(outbox)) {
    const [waiting, state] = await Promise.all([outbox.count(outboxRange(url)), tx.objectStore('receivers').get(url)]);
    const receiver = state ?? FRESH_RECEIVER;
    receivers.push({ ...receiver, url, waiting, dueAt: Math.max(earliest, receiver.nextAttemptAt) });
  }
  const delivery = tx.objectStore('shares').index('delivery');
  const [localOnly, failed] = await Promise.all([delivery.count('local'), delivery.count('failed')]);
  await tx.done;
  return {
    waiting: receivers.reduce((sum, r) => sum + r.waiting, 0),
    localOnly,
    failed,
    receivers,
    updatedAt: now,
  };
}
