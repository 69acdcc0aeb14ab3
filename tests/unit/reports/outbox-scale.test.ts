import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendReportsNow, startOutbox } from '@/lib/reports/outbox-service';
import { listShares } from '@/lib/reports/share-db';
import { legacyShareRecords, outboxSummary } from '@/lib/storage';
import { freshShareDb } from './fresh-share-db';
import { makeRecord, RECEIVER } from './share-factory';

const OTHER = 'https://laporan.kominfo.go.id/api/v1/shares';

/** A small deterministic generator, so that a failure can be replayed. */
function seeded(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

describe('10,000 queued reports under faults', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await freshShareDb();
  });

  it('reach the receivers exactly once each, none lost', { timeout: 120_000 }, async () => {
    const records = Array.from({ length: 10_000 }, (_, i) =>
      makeRecord(crypto.randomUUID(), { receiver: i % 10 === 0 ? OTHER : RECEIVER, nextAttemptAt: i }),
    );
    await legacyShareRecords.setValue(records);

    // Each receiver stores what it is sent, like the reference server; some answers never arrive.
    const stored = new Map<string, number>();
    const random = seeded(42);
    let largest = 0;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      const ids = (JSON.parse(String(init.body)) as { reports: { id: string }[] }).reports.map((r) => r.id);
      largest = Math.max(largest, ids.length);
      expect(new Set(ids).size).toBe(ids.length);
      const roll = random();
      if (roll < 0.15) throw new TypeError('Failed to fetch');
      if (roll < 0.25) return new Response('oops', { status: 500 });
      if (roll < 0.3) return new Response('busy', { status: 503, headers: { 'Retry-After': '600' } });
      const answer = { accepted: [] as string[], duplicate: [] as string[], rejected: [] };
      for (const id of ids) {
        const key = `${url} ${id}`;
        if (stored.has(key)) answer.duplicate.push(id);
        else answer.accepted.push(id);
        stored.set(key, (stored.get(key) ?? 0) + 1);
      }
      if (roll < 0.4) throw new TypeError('connection reset after the receiver stored the batch');
      return Response.json(answer);
    });

    await startOutbox();
    expect((await outboxSummary.getValue()).waiting).toBeGreaterThan(0);
    // What a user would do: press "Kirim sekarang" until nothing waits (bounded).
    for (let press = 0; press < 200 && (await outboxSummary.getValue()).waiting > 0; press++) await sendReportsNow();

    expect(await outboxSummary.getValue()).toMatchObject({ waiting: 0, failed: 0 });
    const after = await listShares();
    expect(after).toHaveLength(10_000);
    expect(after.every((record) => record.delivery === 'delivered')).toBe(true);
    // Every id reached its own receiver; none reached the other one.
    const expected = new Set(records.map((record) => `${record.receiver} ${record.report.id}`));
    expect(new Set(stored.keys())).toEqual(expected);
    expect(largest).toBe(100);
    // Resends happened (answers were lost) and were answered as duplicates, never stored twice.
    expect([...stored.values()].some((times) => times > 1)).toBe(true);
  });
});
