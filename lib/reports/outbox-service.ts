import { browser } from 'wxt/browser';
import { loadSubscriptions, readPolicy } from '../config';
import { createSerialQueue } from '../serial';
import { outboxSummary, userSettings } from '../storage';
import { tokenForReceiver, type TokenSources } from './report-tokens';
import { readReportTokens } from './token-store';
import { migrateLegacyShares } from './legacy-shares';
import { applyOutcome, FRESH_RECEIVER, nextWakeUp, planBatches, unpauseReceivers, type Batch } from './outbox';
import { readOutboxSummary } from './outbox-summary';
import { sendBatch } from './send-batch';
import { fromStored, openShareDb, outboxRange, receiversInOutbox, toStored, type ShareDb } from './share-db';
import type { ReceiverState, ShareRecord } from './types';

/** The background's outbox (docs/protocol.md §3.5): it alone writes the shares database. */

export const OUTBOX_ALARM = 'siar-outbox';

/** Every read-modify-write of the shares and receivers goes through here. */
const serially = createSerialQueue();

/** Called after each change, inside the serial step that made it. */
async function publishSummary(db: ShareDb): Promise<void> {
  await outboxSummary.setValue(await readOutboxSummary(db));
}

/** Writes the share first, durably (docs/protocol.md §3.5), then tries to send it. */
export async function recordShare(record: ShareRecord): Promise<void> {
  await serially(async () => {
    const db = await openShareDb();
    const tx = db.transaction('shares', 'readwrite', { durability: 'strict' });
    await tx.store.put(toStored(record));
    await tx.done;
    await publishSummary(db);
  });
  void flushOutbox();
}

/** The worker started: shares from before IndexedDB come over, then the outbox is tried. */
export async function startOutbox(): Promise<void> {
  await serially(async () => {
    await migrateLegacyShares();
    await publishSummary(await openShareDb());
  });
  await flushOutbox();
}

let running: Promise<void> | null = null;
let again = false;
let sendNowAsked = false;

/**
 * Sends what is due. Calls that arrive while a flush runs are folded into one
 * more round after it, so that a batch is never in flight twice.
 */
export function flushOutbox(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        try {
          // Asked while a send was in flight (a 10 s timeout, say): it counts after that send.
          if (sendNowAsked) {
            sendNowAsked = false;
            await makeEverythingDue();
          }
          await flushRound();
        } catch (error) {
          // The reports stay in the database; the alarm or the next share tries again.
          console.warn('Siar: sending reports failed', error);
        }
      } while (again);
    } finally {
      running = null;
      await scheduleWakeUp().catch(() => undefined);
    }
  })();
  return running;
}

/**
 * "Kirim sekarang": everything waiting is due now, whatever the backoff said, and a
 * receiver paused for its token is asked once more (the office may have fixed it).
 */
export function sendReportsNow(): Promise<void> {
  sendNowAsked = true;
  return flushOutbox();
}

async function makeEverythingDue(): Promise<void> {
  const now = Date.now();
  await serially(async () => {
    const db = await openShareDb();
    const tx = db.transaction(['shares', 'receivers'], 'readwrite');
    const receivers = tx.objectStore('receivers');
    for (const url of await receivers.getAllKeys()) {
      const state = (await receivers.get(url)) ?? FRESH_RECEIVER;
      await receivers.put({ ...state, pausedForAuth: false, nextAttemptAt: 0 }, url);
    }
    for (const [url] of await receiversInOutbox(tx.objectStore('shares').index('outbox'))) {
      const later = IDBKeyRange.bound([url, now], [url, Number.POSITIVE_INFINITY], true);
      let cursor = await tx.objectStore('shares').index('outbox').openCursor(later);
      while (cursor) {
        await cursor.update(toStored({ ...fromStored(cursor.value), nextAttemptAt: now }));
        cursor = await cursor.continue();
      }
    }
    await tx.done;
    await publishSummary(db);
  });
}

/** The due reports of each receiver that may be sent to now, at most a batch each. */
async function loadDue(db: ShareDb, now: number): Promise<{ records: ShareRecord[]; receivers: Record<string, ReceiverState> }> {
  const tx = db.transaction(['shares', 'receivers']);
  const outbox = tx.objectStore('shares').index('outbox');
  const records: ShareRecord[] = [];
  const receivers: Record<string, ReceiverState> = {};
  for (const [url] of await receiversInOutbox(outbox)) {
    const state = (await tx.objectStore('receivers').get(url)) ?? FRESH_RECEIVER;
    receivers[url] = state;
    if (state.pausedForAuth || state.nextAttemptAt > now) continue;
    records.push(...(await outbox.getAll(outboxRange(url, now), state.batchLimit)).map(fromStored));
  }
  await tx.done;
  return { records, receivers };
}

/** What decides which token, if any, goes to which receiver (PROTOCOL §3.3). */
export async function loadTokenSources(): Promise<TokenSources> {
  const policy = await readPolicy();
  const [settings, tokens, subscriptions] = await Promise.all([userSettings.getValue(), readReportTokens(), loadSubscriptions(policy)]);
  return { settings: { ...settings, ...tokens }, policy, subscriptions };
}

async function flushRound(): Promise<void> {
  const tokens = await loadTokenSources();
  // Bounded: 1,000 rounds of 100 reports; a receiver that makes no progress ends it.
  for (let round = 0; round < 1000; round++) {
    const db = await openShareDb();
    const due = await loadDue(db, Date.now());
    const batches = planBatches(due.records, due.receivers, Date.now());
    if (batches.length === 0) return;
    const byId = new Map(due.records.map((record) => [record.report.id, record]));
    const progressed = await Promise.all(batches.map((batch) => sendOne(batch, byId, tokenForReceiver(batch.receiver, tokens))));
    if (!progressed.some(Boolean)) return;
  }
}

/** Sends one batch and applies the answer; true when the outbox moved on. */
async function sendOne(batch: Batch, byId: Map<string, ShareRecord>, token: string | null): Promise<boolean> {
  const reports = batch.ids.flatMap((id) => byId.get(id)?.report ?? []);
  const outcome = await sendBatch(batch.receiver, reports, token);
  await serially(async () => {
    const db = await openShareDb();
    const tx = db.transaction(['shares', 'receivers'], 'readwrite');
    const shares = tx.objectStore('shares');
    const current = (await Promise.all(batch.ids.map((id) => shares.get(id)))).flatMap((row) => (row ? [fromStored(row)] : []));
    const state = (await tx.objectStore('receivers').get(batch.receiver)) ?? FRESH_RECEIVER;
    const next = applyOutcome({ records: current, receivers: { [batch.receiver]: state } }, batch, outcome, Date.now());
    for (const record of next.records) await shares.put(toStored(record));
    await tx.objectStore('receivers').put(next.receivers[batch.receiver] ?? state, batch.receiver);
    await tx.done;
    await publishSummary(db);
  });
  return outcome.kind === 'answered' || outcome.kind === 'bad_request';
}

async function scheduleWakeUp(): Promise<void> {
  const summary = await outboxSummary.getValue();
  const wake = nextWakeUp(summary.receivers);
  if (wake === null) await browser.alarms.clear(OUTBOX_ALARM);
  else await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(wake, Date.now() + 1000) });
}

/** The token changed: receivers paused for a bad one may try again. */
export async function resumeAfterTokenChange(): Promise<void> {
  await serially(async () => {
    const db = await openShareDb();
    const tx = db.transaction('receivers', 'readwrite');
    const urls = await tx.store.getAllKeys();
    const states = await tx.store.getAll();
    const next = unpauseReceivers(Object.fromEntries(urls.map((url, i) => [url, states[i] ?? FRESH_RECEIVER])));
    for (const url of urls) await tx.store.put(next[url] ?? FRESH_RECEIVER, url);
    await tx.done;
    await publishSummary(db);
  });
  await flushOutbox();
}
