import { beforeEach, describe, expect, it } from 'vitest';
import { readOutboxSummary } from '@/lib/reports/outbox-summary';
import { itemKey } from '@/lib/feed/today';
import { fromStored, listShares, openShareDb, platformsOfItems, toStored } from '@/lib/reports/share-db';
import type { ShareRecord } from '@/lib/reports/types';
import { freshShareDb } from './fresh-share-db';
import { makeRecord, RECEIVER } from './share-factory';

const FEED = 'https://siar.example.go.id/feed.json';

function share(id: string, itemId: string, platform: ShareRecord['report']['platform'], overrides: Partial<ShareRecord> = {}): ShareRecord {
  const record = makeRecord(id, overrides);
  return { ...record, report: { ...record.report, item_id: itemId, platform } };
}

async function put(...records: ShareRecord[]): Promise<void> {
  const db = await openShareDb();
  const tx = db.transaction('shares', 'readwrite');
  for (const record of records) await tx.store.put(toStored(record));
  await tx.done;
}

describe('the shares database', () => {
  beforeEach(freshShareDb);

  it('keeps the record as it was given; index keys stay inside', () => {
    const record = makeRecord('a', { recordedAt: 5 });
    const stored = toStored(record);
    expect(stored).toMatchObject({ waitingFor: RECEIVER, sharedAtMs: 5 });
    expect(fromStored(stored)).toEqual(record);
    expect(toStored(makeRecord('b', { delivery: 'delivered' }))).not.toHaveProperty('waitingFor');
  });

  it('lists every share newest first', async () => {
    await put(makeRecord('old', { recordedAt: 1 }), makeRecord('new', { recordedAt: 3 }), makeRecord('mid', { recordedAt: 2 }));
    expect((await listShares()).map((r) => r.report.id)).toEqual(['new', 'mid', 'old']);
  });

  it('tells the platforms an item was shared on, once each, from its keys', async () => {
    await put(
      share('1', 'saik', 'x'),
      share('2', 'saik', 'x'),
      share('3', 'saik', 'facebook', { delivery: 'failed' }),
      share('4', 'gpr', 'whatsapp'),
      share('5', 'saik-2', 'threads'),
    );
    const found = await platformsOfItems([
      { feedUrl: FEED, itemId: 'saik' },
      { feedUrl: FEED, itemId: 'gpr' },
      { feedUrl: FEED, itemId: 'none' },
      { feedUrl: 'https://other.example/feed.json', itemId: 'saik' },
    ]);
    expect(Object.fromEntries(found)).toEqual({ [itemKey(FEED, 'saik')]: ['facebook', 'x'], [itemKey(FEED, 'gpr')]: ['whatsapp'] });
  });

  it('summarises the outbox per receiver from the index', async () => {
    const other = 'https://b.go.id/r';
    await put(
      makeRecord('a', { nextAttemptAt: 50 }),
      makeRecord('b', { nextAttemptAt: 20 }),
      makeRecord('c', { receiver: other, nextAttemptAt: 7 }),
      makeRecord('d', { delivery: 'delivered' }),
      makeRecord('e', { delivery: 'failed' }),
      makeRecord('f', { delivery: 'local', receiver: null }),
    );
    const summary = await readOutboxSummary(await openShareDb(), 99);
    expect(summary).toMatchObject({ waiting: 3, failed: 1, localOnly: 1, updatedAt: 99 });
    expect(summary.receivers.map((r) => [r.url, r.waiting, r.dueAt])).toEqual([
      [other, 1, 7],
      [RECEIVER, 2, 20],
    ]);
  });
});
