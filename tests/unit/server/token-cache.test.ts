import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type SiarDb } from '../../../server/db/connect';
import { migrateToLatest } from '../../../server/db/migrate';
import { PeopleStore } from '../../../server/store/people';
import { DATABASES, freshDatabase, type TestDatabase } from './databases';

/** The report token → person cache (server/store/people.ts), on a real database. */
describe.each(DATABASES)('report tokens looked up on %s', (kind) => {
  let open: { siar: SiarDb; database: TestDatabase } | null = null;
  afterEach(async () => {
    if (!open) return;
    await open.siar.close();
    await open.database.drop();
    open = null;
  });

  async function enrolled() {
    const database = await freshDatabase(kind);
    const siar = await openDatabase(database.target);
    open = { siar, database };
    await migrateToLatest(siar);
    const people = new PeopleStore(siar.db);
    const [issued] = await people.importCsv('198703122010011001,Budi Santoso,Sekretariat\n', 'test');
    const result = await people.enroll(issued!.code);
    if (!result.ok) throw new Error(result.reason);
    return { people, token: result.token };
  }

  it('asks the database once for a burst of requests with the same token', async () => {
    const { people, token } = await enrolled();
    const reads = vi.spyOn(people as unknown as { readTokenHolder(hash: string): Promise<unknown> }, 'readTokenHolder');
    const holders = await Promise.all(Array.from({ length: 20 }, () => people.tokenHolder(token)));
    expect(reads).toHaveBeenCalledTimes(1);
    expect(new Set(holders.map((h) => h?.person.nip))).toEqual(new Set(['198703122010011001']));
    expect(holders.every((h) => h?.revoked === false)).toBe(true);
  });

  it('a revocation while a lookup is under way: the next request is refused, and the old lookup does not fill the cache', async () => {
    const { people, token } = await enrolled();
    const store = people as unknown as { readTokenHolder(hash: string): Promise<{ revoked: boolean } | null> };
    const read = store.readTokenHolder.bind(people);
    // The first lookup reads the token before the revocation and answers after it.
    let readDone!: () => void;
    let release!: () => void;
    const done = new Promise<void>((resolve) => (readDone = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(store, 'readTokenHolder').mockImplementationOnce(async (hash) => {
      const holder = await read(hash);
      readDone();
      await gate;
      return holder;
    });
    const before = people.tokenHolder(token);
    await done;
    await people.revoke('198703122010011001', 'test');
    expect((await people.tokenHolder(token))?.revoked).toBe(true);
    release();
    expect((await before)?.revoked).toBe(false);
    expect((await people.tokenHolder(token))?.revoked).toBe(true);
  });
});
