import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { closeShareDb } from '@/lib/reports/share-db';
import { closeTokenDb } from '@/lib/reports/token-store';

/** A new, empty IndexedDB for each test (shares and tokens): fake-indexeddb keeps data in memory. */
export async function freshShareDb(): Promise<void> {
  await closeShareDb();
  await closeTokenDb();
  globalThis.indexedDB = new IDBFactory();
}
