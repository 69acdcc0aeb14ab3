import { openDB, type DBSchema, type IDBPDatabase, type OpenDBCallbacks } from 'idb';

/**
 * One lazily opened IndexedDB connection per database and context, reopened after it was
 * closed or terminated, and handed over when a newer version (an update of Siar) wants it.
 */
export function idbConnection<Schema extends DBSchema>(
  name: string,
  version: number,
  upgrade: OpenDBCallbacks<Schema>['upgrade'],
): { open(): Promise<IDBPDatabase<Schema>>; close(): Promise<void> } {
  let opening: Promise<IDBPDatabase<Schema>> | null = null;
  const close = async () => {
    const current = opening;
    opening = null;
    if (current) (await current.catch(() => null))?.close();
  };
  const open = () => {
    opening ??= openDB<Schema>(name, version, {
      upgrade,
      blocking() {
        void close();
      },
      terminated() {
        opening = null;
      },
    }).catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  };
  return { open, close };
}
