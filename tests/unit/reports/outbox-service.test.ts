import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { flushOutbox, OUTBOX_ALARM, recordShare } from '@/lib/reports/outbox-service';
import { receiverStates, shareRecords } from '@/lib/storage';
import { makeRecord, RECEIVER } from './share-factory';

const ID = '11111111-1111-4111-8111-111111111111';

describe('outbox service', () => {
  beforeEach(() => fakeBrowser.reset());

  it('writes the share before sending and marks it delivered when accepted', async () => {
    const storedWhenSent: number[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      storedWhenSent.push((await shareRecords.getValue()).length);
      const { reports } = JSON.parse(String(init.body)) as { reports: { id: string }[] };
      return new Response(JSON.stringify({ accepted: reports.map((r) => r.id), duplicate: [], rejected: [] }));
    });
    await recordShare(makeRecord(ID));
    await flushOutbox();
    expect(storedWhenSent).toEqual([1]);
    const [stored] = await shareRecords.getValue();
    expect(stored?.delivery).toBe('delivered');
    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
  });

  it('keeps the share and wakes up later when the receiver is down', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await recordShare(makeRecord(ID));
    await flushOutbox();
    const [stored] = await shareRecords.getValue();
    expect(stored).toMatchObject({ delivery: 'pending', attempts: 1 });
    expect((await receiverStates.getValue())[RECEIVER]?.failures).toBe(1);
    const alarm = await fakeBrowser.alarms.get(OUTBOX_ALARM);
    expect(alarm?.scheduledTime).toBe(stored?.nextAttemptAt);
  });

  it('resends with the same id and sends the bearer token', async () => {
    const seen: { id: string; auth: string | null }[] = [];
    let fail = true;
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      const { reports } = JSON.parse(String(init.body)) as { reports: { id: string }[] };
      seen.push({ id: reports[0]!.id, auth: new Headers(init.headers).get('authorization') });
      if (fail) return new Response('busy', { status: 503 });
      return new Response(JSON.stringify({ accepted: [], duplicate: reports.map((r) => r.id), rejected: [] }));
    });
    await fakeBrowser.storage.local.set({ settings: { reporter: { id: '', name: '', unit: '' }, reportToken: 'rahasia', language: 'auto' } });
    await recordShare(makeRecord(ID));
    await flushOutbox();
    fail = false;
    await flushOutbox({ ignoreBackoff: true });
    expect(seen).toEqual([
      { id: ID, auth: 'Bearer rahasia' },
      { id: ID, auth: 'Bearer rahasia' },
    ]);
    expect((await shareRecords.getValue())[0]?.delivery).toBe('delivered');
  });
});
