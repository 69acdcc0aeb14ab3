import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { flushOutbox, OUTBOX_ALARM, recordShare, resumeAfterTokenChange, sendReportsNow, startOutbox } from '@/lib/reports/outbox-service';
import { listShares } from '@/lib/reports/share-db';
import { updateReportTokens } from '@/lib/reports/token-store';
import { legacyShareRecords, outboxSummary } from '@/lib/storage';
import { freshShareDb } from './fresh-share-db';
import { makeRecord, RECEIVER } from './share-factory';

const ID = '11111111-1111-4111-8111-111111111111';
const ID2 = '22222222-2222-4222-8222-222222222222';

type Reply = (ids: string[], init: RequestInit) => Response | Promise<Response>;

/** A receiver that answers with `reply`, recording what it was sent. */
function stubReceiver(reply: Reply) {
  const requests: { ids: string[]; auth: string | null }[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    const ids = (JSON.parse(String(init.body)) as { reports: { id: string }[] }).reports.map((r) => r.id);
    requests.push({ ids, auth: new Headers(init.headers).get('authorization') });
    return reply(ids, init);
  });
  return requests;
}

const accept: Reply = (ids) => Response.json({ accepted: ids, duplicate: [], rejected: [] });
const byId = async () => Object.fromEntries((await listShares()).map((r) => [r.report.id, r]));

describe('outbox service', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await freshShareDb();
  });

  it('writes the share before sending and marks it delivered when accepted', async () => {
    const storedWhenSent: number[] = [];
    stubReceiver(async (ids) => {
      storedWhenSent.push((await listShares()).length);
      return accept(ids, {});
    });
    await recordShare(makeRecord(ID));
    await flushOutbox();
    expect(storedWhenSent).toEqual([1]);
    expect((await byId())[ID]).toMatchObject({ delivery: 'delivered', attempts: 1 });
    expect(await outboxSummary.getValue()).toMatchObject({ waiting: 0, failed: 0, localOnly: 0 });
    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
  });

  it('keeps the share, says why, and wakes up later when the receiver is down', async () => {
    stubReceiver(() => {
      throw new TypeError('Failed to fetch');
    });
    await recordShare(makeRecord(ID));
    await flushOutbox();
    const stored = (await byId())[ID];
    expect(stored).toMatchObject({ delivery: 'pending', attempts: 1, reason: 'TypeError: Failed to fetch' });
    const summary = await outboxSummary.getValue();
    expect(summary).toMatchObject({ waiting: 1 });
    expect(summary.receivers[0]).toMatchObject({ url: RECEIVER, waiting: 1, failures: 1, lastErrorCode: 'network', dueAt: stored!.nextAttemptAt });
    expect((await fakeBrowser.alarms.get(OUTBOX_ALARM))?.scheduledTime).toBe(stored!.nextAttemptAt);
  });

  it('resends with the same id and the bearer token; "send now" overrides the backoff', async () => {
    let busy = true;
    const requests = stubReceiver((ids) =>
      busy ? new Response('busy', { status: 503, headers: { 'Retry-After': '3600' } }) : Response.json({ accepted: [], duplicate: ids, rejected: [] }),
    );
    await updateReportTokens(() => ({ reportToken: '', reportTokens: { [new URL(RECEIVER).origin]: 'rahasia' } }));
    await recordShare(makeRecord(ID));
    await flushOutbox();
    expect((await outboxSummary.getValue()).receivers[0]).toMatchObject({ lastErrorCode: 'busy' });
    expect((await byId())[ID]!.nextAttemptAt).toBeGreaterThan(Date.now() + 3_500_000);
    await flushOutbox(); // Retry-After holds it back
    expect(requests).toHaveLength(1);
    busy = false;
    await sendReportsNow();
    expect(requests).toEqual([
      { ids: [ID], auth: 'Bearer rahasia' },
      { ids: [ID], auth: 'Bearer rahasia' },
    ]);
    expect((await byId())[ID]?.delivery).toBe('delivered');
  });

  it('pauses a receiver on 401 until the token changes, and keeps its reports', async () => {
    let status = 401;
    const requests = stubReceiver((ids) => (status === 200 ? accept(ids, {}) : new Response('no', { status })));
    await recordShare(makeRecord(ID));
    await flushOutbox();
    await recordShare(makeRecord(ID2));
    await flushOutbox();
    expect(requests).toHaveLength(1);
    expect(await outboxSummary.getValue()).toMatchObject({ waiting: 2, receivers: [{ pausedForAuth: true, lastErrorCode: 'auth' }] });
    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeUndefined();

    status = 200;
    await updateReportTokens(() => ({ reportToken: '', reportTokens: { [new URL(RECEIVER).origin]: 'baru' } }));
    await resumeAfterTokenChange();
    expect(requests.at(-1)).toEqual({ ids: [ID, ID2], auth: 'Bearer baru' });
    expect(await outboxSummary.getValue()).toMatchObject({ waiting: 0, receivers: [] });
  });

  it('sends a token only to its own origin: another receiver gets no Authorization at all', async () => {
    const requests: { url: string; auth: string | null }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      requests.push({ url, auth: new Headers(init.headers).get('authorization') });
      const ids = (JSON.parse(String(init.body)) as { reports: { id: string }[] }).reports.map((r) => r.id);
      return accept(ids, init);
    });
    await updateReportTokens(() => ({ reportTokens: { [new URL(RECEIVER).origin]: 'rahasia' }, reportToken: 'lama' }));
    const elsewhere = 'https://feed-siapa-saja.example.com/api/v1/shares';
    await recordShare({ ...makeRecord(ID2), receiver: elsewhere });
    await recordShare(makeRecord(ID));
    await flushOutbox();
    expect(requests.find((r) => r.url === elsewhere)).toEqual({ url: elsewhere, auth: null });
    expect(requests.find((r) => r.url === RECEIVER)).toEqual({ url: RECEIVER, auth: 'Bearer rahasia' });
  });

  it('"send now" asks a paused receiver once more', async () => {
    const requests = stubReceiver(() => new Response('no', { status: 403 }));
    await recordShare(makeRecord(ID));
    await flushOutbox();
    await sendReportsNow();
    expect(requests).toHaveLength(2);
    expect((await outboxSummary.getValue()).receivers[0]?.pausedForAuth).toBe(true);
  });

  it('keeps a rejected report as failed with the reason, and never resends it', async () => {
    const requests = stubReceiver((ids) => Response.json({ accepted: [], duplicate: [], rejected: [{ id: ids[0], reason: 'item unknown' }] }));
    await recordShare(makeRecord(ID));
    await flushOutbox();
    await sendReportsNow();
    expect(requests).toHaveLength(1);
    expect((await byId())[ID]).toMatchObject({ delivery: 'failed', reason: 'item unknown' });
    expect(await outboxSummary.getValue()).toMatchObject({ waiting: 0, failed: 1 });
  });

  it('keeps a share without receiver in the history and counts it', async () => {
    const requests = stubReceiver(accept);
    await recordShare(makeRecord(ID, { receiver: null, delivery: 'local' }));
    await flushOutbox();
    expect(requests).toHaveLength(0);
    expect(await outboxSummary.getValue()).toMatchObject({ waiting: 0, localOnly: 1 });
  });

  it('does not lose a "send now" that arrives while a send is in flight', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    const requests = stubReceiver(async (ids) => {
      if (first) {
        first = false;
        await gate;
        throw new TypeError('Failed to fetch');
      }
      return accept(ids, {});
    });
    await recordShare(makeRecord(ID));
    const now = sendReportsNow();
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    release();
    await now;
    expect(requests.map((r) => r.ids)).toEqual([[ID], [ID]]);
    expect((await byId())[ID]?.delivery).toBe('delivered');
  });

  it('moves shares kept by earlier builds into the database, once', async () => {
    await legacyShareRecords.setValue([makeRecord(ID), makeRecord(ID2, { delivery: 'delivered' })]);
    await recordShare(makeRecord(ID, { delivery: 'failed', reason: 'newer' }));
    stubReceiver(() => new Response('down', { status: 502 }));
    await startOutbox();
    expect((await byId())[ID]).toMatchObject({ delivery: 'failed', reason: 'newer' });
    expect((await byId())[ID2]).toMatchObject({ delivery: 'delivered' });
    expect(await fakeBrowser.storage.local.get(['shares', 'shares$'])).toEqual({});
  });

  it('moves a share that an earlier build listed twice once, as first listed', async () => {
    await legacyShareRecords.setValue([makeRecord(ID, { delivery: 'delivered', title: 'first' }), makeRecord(ID, { delivery: 'delivered', title: 'second' })]);
    await startOutbox();
    expect(await listShares()).toHaveLength(1);
    expect((await byId())[ID]).toMatchObject({ title: 'first' });
  });
});
