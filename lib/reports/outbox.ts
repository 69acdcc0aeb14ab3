import { backoffDelay, MAX_RETRY_MS } from './backoff';
import { MAX_BATCH, type BatchOutcome } from './send-batch';
import type { ReceiverState, ShareRecord } from './types';

/** The outbox logic of docs/protocol.md §3.5 as pure functions over the stored records. */

export const FRESH_RECEIVER: ReceiverState = {
  pausedForAuth: false,
  failures: 0,
  nextAttemptAt: 0,
  lastError: null,
  lastErrorCode: null,
  batchLimit: MAX_BATCH,
};

export function isWaiting(record: ShareRecord): boolean {
  return record.delivery === 'pending' && record.receiver !== null;
}

export interface Batch {
  receiver: string;
  ids: string[];
}

/** The batches that may be sent now, at most one per receiver. */
export function planBatches(
  records: readonly ShareRecord[],
  receivers: Readonly<Record<string, ReceiverState>>,
  now: number,
): Batch[] {
  const batches = new Map<string, string[]>();
  for (const record of records) {
    if (!isWaiting(record) || record.nextAttemptAt > now) continue;
    const receiver = record.receiver as string;
    const state = receivers[receiver] ?? FRESH_RECEIVER;
    if (state.pausedForAuth || state.nextAttemptAt > now) continue;
    const ids = batches.get(receiver) ?? [];
    if (ids.length >= state.batchLimit) continue;
    ids.push(record.report.id);
    batches.set(receiver, ids);
  }
  return [...batches].map(([receiver, ids]) => ({ receiver, ids }));
}

/**
 * The earliest instant at which something waiting could be sent, or null: per
 * receiver, the earliest due report (see outbox-summary), paused ones excepted.
 */
export function nextWakeUp(receivers: readonly { pausedForAuth: boolean; waiting: number; dueAt: number }[]): number | null {
  let earliest: number | null = null;
  for (const receiver of receivers) {
    if (receiver.pausedForAuth || receiver.waiting === 0) continue;
    if (earliest === null || receiver.dueAt < earliest) earliest = receiver.dueAt;
  }
  return earliest;
}

export interface OutboxState {
  records: ShareRecord[];
  receivers: Record<string, ReceiverState>;
}

/** Applies a receiver's answer (or its absence) to the records of one batch. */
export function applyOutcome(
  state: OutboxState,
  batch: Batch,
  outcome: BatchOutcome,
  now: number,
  random: () => number = Math.random,
): OutboxState {
  const inBatch = new Set(batch.ids);
  const previous = state.receivers[batch.receiver] ?? FRESH_RECEIVER;
  let receiver: ReceiverState = previous;
  const update = (fn: (record: ShareRecord) => ShareRecord) =>
    state.records.map((record) => (inBatch.has(record.report.id) && isWaiting(record) ? fn(record) : record));

  const next = (records: ShareRecord[], receiverState: ReceiverState): OutboxState => ({
    records,
    receivers: { ...state.receivers, [batch.receiver]: settleSplit(receiverState, records) },
  });

  switch (outcome.kind) {
    case 'answered': {
      const done = new Set([...outcome.accepted, ...outcome.duplicate]);
      const rejected = new Map(outcome.rejected.map((r) => [r.id, r.reason]));
      // batchLimit stays: after a 400 it is lifted only once every suspect is settled.
      receiver = { ...FRESH_RECEIVER, batchLimit: previous.batchLimit, suspects: previous.suspects };
      const records = update((record) => {
        const id = record.report.id;
        if (done.has(id)) {
          return { ...record, delivery: 'delivered', reason: null, attempts: record.attempts + 1, deliveredAt: new Date(now).toISOString() };
        }
        if (rejected.has(id)) {
          return { ...record, delivery: 'failed', reason: rejected.get(id) || 'rejected', attempts: record.attempts + 1 };
        }
        // The receiver did not mention it: try again later.
        return { ...record, attempts: record.attempts + 1, nextAttemptAt: now + backoffDelay(record.attempts + 1, random) };
      });
      return next(records, receiver);
    }
    case 'retry': {
      const failures = previous.failures + 1;
      // Retry-After is honoured up to the backoff's own ceiling, so that a wrong header
      // cannot park the reports for days ("Kirim sekarang" overrides both anyway).
      const at = Math.max(Math.min(outcome.retryAfter ?? 0, now + MAX_RETRY_MS), now + backoffDelay(failures, random));
      receiver = { ...previous, failures, nextAttemptAt: at, lastError: outcome.error, lastErrorCode: outcome.code };
      const records = update((record) => ({ ...record, attempts: record.attempts + 1, reason: outcome.error, nextAttemptAt: at }));
      return next(records, receiver);
    }
    case 'auth': {
      receiver = { ...previous, pausedForAuth: true, lastError: `HTTP ${outcome.status}`, lastErrorCode: 'auth' };
      return { records: state.records, receivers: { ...state.receivers, [batch.receiver]: receiver } };
    }
    case 'bad_request': {
      if (batch.ids.length > 1) {
        // Send them one by one to find the bad one; the others go through.
        const suspects = [...new Set([...(previous.suspects ?? []), ...batch.ids])];
        receiver = { ...previous, batchLimit: 1, suspects, lastError: outcome.error, lastErrorCode: 'bad_request' };
        return { records: state.records, receivers: { ...state.receivers, [batch.receiver]: receiver } };
      }
      const records = update((record) => ({ ...record, delivery: 'failed', reason: outcome.error, attempts: record.attempts + 1 }));
      receiver = { ...previous, lastError: outcome.error, lastErrorCode: 'bad_request' };
      return next(records, receiver);
    }
  }
}

/**
 * After a 400 split a batch, its reports are suspects: the receiver takes one at a
 * time until every suspect has been answered or failed, then batches again.
 */
function settleSplit(receiver: ReceiverState, records: readonly ShareRecord[]): ReceiverState {
  if (!receiver.suspects?.length) return receiver;
  const settled = new Set(records.filter((record) => !isWaiting(record)).map((record) => record.report.id));
  const suspects = receiver.suspects.filter((id) => !settled.has(id));
  return suspects.length > 0 ? { ...receiver, suspects } : { ...receiver, suspects: [], batchLimit: MAX_BATCH };
}

/** After the token changes: every receiver paused for a bad token may try again. */
export function unpauseReceivers(receivers: Readonly<Record<string, ReceiverState>>): Record<string, ReceiverState> {
  const out: Record<string, ReceiverState> = {};
  for (const [url, state] of Object.entries(receivers)) {
    out[url] = state.pausedForAuth ? { ...state, pausedForAuth: false, nextAttemptAt: 0 } : state;
  }
  return out;
}
