import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { closeShareDb } from '@/lib/reports/share-db';

/** A new, empty IndexedDB for each test: fake-indexeddb keeps data in memory. */
export async function freshShareDb(): Promise<void> {
  await closeShareDb();
  globalThis.indexedDB = new IDBFactory();
}
