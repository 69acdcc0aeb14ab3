import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_RETRY_MS, MIN_RETRY_MS } from '@/lib/reports/backoff';
import { applyOutcome, FRESH_RECEIVER, nextWakeUp, planBatches, unpauseReceivers } from '@/lib/reports/outbox';
import { makeRecord, RECEIVER } from './share-factory';

const NOW = 1_000_000_000_000;
const ids = (n: number) => Array.from({ length: n }, (_, i) => `id-${i}`);

describe('planBatches', () => {
  it('sends at most 100 a batch, one batch per receiver', () => {
    const records = [...ids(250).map((id) => makeRecord(id)), makeRecord('other', { receiver: 'https://b.go.id/r' })];
    const batches = planBatches(records, {}, NOW);
    expect(batches.map((b) => [b.receiver, b.ids.length])).toEqual([
      [RECEIVER, 100],
      ['https://b.go.id/r', 1],
    ]);
  });

  it('skips delivered, failed, local-only, not-yet-due and paused', () => {
    const records = [
      makeRecord('delivered', { delivery: 'delivered' }),
      makeRecord('failed', { delivery: 'failed' }),
      makeRecord('local', { delivery: 'local', receiver: null }),
      makeRecord('later', { nextAttemptAt: NOW + 1 }),
      makeRecord('due'),
      makeRecord('paused', { receiver: 'https://paused.go.id/r' }),
    ];
    const batches = planBatches(records, { 'https://paused.go.id/r': { ...FRESH_RECEIVER, pausedForAuth: true } }, NOW);
    expect(batches).toEqual([{ receiver: RECEIVER, ids: ['due'] }]);
  });
});

describe('applyOutcome', () => {
  const state = { records: ['a', 'b', 'c', 'd'].map((id) => makeRecord(id)), receivers: {} };
  const batch = { receiver: RECEIVER, ids: ['a', 'b', 'c'] };

  it('accepted and duplicate leave, rejected fail with the reason, the unmentioned wait', () => {
    const next = applyOutcome(state, batch, { kind: 'answered', accepted: ['a'], duplicate: ['b'], rejected: [] }, NOW, () => 0);
    const byId = Object.fromEntries(next.records.map((r) => [r.report.id, r]));
    expect(byId.a?.delivery).toBe('delivered');
    expect(byId.b?.delivery).toBe('delivered');
    expect(byId.c).toMatchObject({ delivery: 'pending', attempts: 1 });
    expect(byId.c!.nextAttemptAt).toBeGreaterThan(NOW);
    expect(byId.d).toEqual(state.records[3]);

    const rejected = applyOutcome(state, batch, { kind: 'answered', accepted: [], duplicate: [], rejected: [{ id: 'a', reason: 'bad item' }] }, NOW);
    expect(rejected.records[0]).toMatchObject({ delivery: 'failed', reason: 'bad item' });
  });

  it('retries with backoff, honouring a longer Retry-After', () => {
    const next = applyOutcome(state, batch, { kind: 'retry', code: 'busy', error: 'HTTP 503', retryAfter: NOW + 3_600_000 }, NOW, () => 0);
    expect(next.records[0]).toMatchObject({ delivery: 'pending', attempts: 1, nextAttemptAt: NOW + 3_600_000, reason: 'HTTP 503' });
    expect(next.receivers[RECEIVER]).toMatchObject({ failures: 1, nextAttemptAt: NOW + 3_600_000, lastErrorCode: 'busy' });
  });

  it('pauses a receiver on 401 / 403 without touching the records; a new token unpauses', () => {
    const next = applyOutcome(state, batch, { kind: 'auth', status: 401 }, NOW);
    expect(next.records).toEqual(state.records);
    expect(next.receivers[RECEIVER]?.pausedForAuth).toBe(true);
    expect(planBatches(next.records, next.receivers, NOW)).toEqual([]);
    expect(unpauseReceivers(next.receivers)[RECEIVER]?.pausedForAuth).toBe(false);
  });

  it('isolates a malformed report: a 400 batch is split, a 400 single fails, batches resume once all are settled', () => {
    const split = applyOutcome(state, batch, { kind: 'bad_request', error: 'HTTP 400' }, NOW);
    expect(split.records).toEqual(state.records);
    expect(split.receivers[RECEIVER]).toMatchObject({ batchLimit: 1, suspects: ['a', 'b', 'c'] });
    expect(planBatches(split.records, split.receivers, NOW)[0]?.ids).toEqual(['a']);

    const single = applyOutcome(split, { receiver: RECEIVER, ids: ['a'] }, { kind: 'bad_request', error: 'HTTP 400: reports.0.id' }, NOW);
    expect(single.records[0]).toMatchObject({ delivery: 'failed', reason: 'HTTP 400: reports.0.id' });
    expect(single.receivers[RECEIVER]).toMatchObject({ batchLimit: 1, suspects: ['b', 'c'] });

    const b = applyOutcome(single, { receiver: RECEIVER, ids: ['b'] }, { kind: 'answered', accepted: ['b'], duplicate: [], rejected: [] }, NOW);
    expect(b.receivers[RECEIVER]).toMatchObject({ batchLimit: 1, suspects: ['c'] });
    const c = applyOutcome(b, { receiver: RECEIVER, ids: ['c'] }, { kind: 'answered', accepted: [], duplicate: ['c'], rejected: [] }, NOW);
    expect(c.receivers[RECEIVER]).toMatchObject({ batchLimit: 100, suspects: [] });
    expect(planBatches(c.records, c.receivers, NOW)[0]?.ids).toEqual(['d']);
  });

  it('honours Retry-After up to the 6 h ceiling', () => {
    const far = applyOutcome(state, batch, { kind: 'retry', code: 'busy', error: 'HTTP 503', retryAfter: NOW + 30 * 86_400_000 }, NOW, () => 0);
    expect(far.receivers[RECEIVER]?.nextAttemptAt).toBe(NOW + MAX_RETRY_MS);
  });
});

describe('nextWakeUp', () => {
  it('is the earliest due receiver, paused and empty ones left out', () => {
    const receiver = (dueAt: number, over: { pausedForAuth?: boolean; waiting?: number } = {}) => ({ pausedForAuth: false, waiting: 1, dueAt, ...over });
    expect(nextWakeUp([receiver(NOW + 5), receiver(NOW + 2), receiver(NOW, { pausedForAuth: true }), receiver(NOW, { waiting: 0 })])).toBe(NOW + 2);
    expect(nextWakeUp([receiver(NOW, { pausedForAuth: true })])).toBeNull();
    expect(nextWakeUp([])).toBeNull();
  });
});

describe('backoff', () => {
  it('grows from 30 s to at most 6 h, with jitter', () => {
    expect(backoffDelay(1, () => 0)).toBe(MIN_RETRY_MS);
    expect(backoffDelay(1, () => 1)).toBe(MIN_RETRY_MS);
    expect(backoffDelay(3, () => 1)).toBe(4 * MIN_RETRY_MS);
    expect(backoffDelay(3, () => 0)).toBe(2 * MIN_RETRY_MS);
    expect(backoffDelay(50, () => 1)).toBe(MAX_RETRY_MS);
    expect(backoffDelay(50, () => 0)).toBe(MAX_RETRY_MS / 2);
  });
});
