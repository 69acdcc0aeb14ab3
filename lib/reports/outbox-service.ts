import { browser } from 'wxt/browser';
import { loadIdentity } from '../config';
import { createSerialQueue } from '../serial';
import { receiverStates, shareRecords } from '../storage';
import { applyOutcome, nextWakeUp, planBatches, unpauseReceivers, type Batch } from './outbox';
import { sendBatch } from './send-batch';
import type { ShareRecord } from './types';

export const OUTBOX_ALARM = 'siar-outbox';

/** Every read-modify-write of the shares and receivers goes through here. */
const serially = createSerialQueue();

/** Writes the share first (PROTOCOL §3.5), then tries to send it. */
export async function recordShare(record: ShareRecord): Promise<void> {
  await serially(async () => {
    const records = await shareRecords.getValue();
    await shareRecords.setValue([...records, record]);
  });
  void flushOutbox();
}

let running: Promise<void> | null = null;
let again = false;

/**
 * Sends what is due. Calls that arrive while a flush runs are folded into one
 * more round after it, so that a batch is never in flight twice.
 */
export function flushOutbox({ ignoreBackoff = false } = {}): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      let ignore = ignoreBackoff;
      do {
        again = false;
        await flushRound(ignore);
        ignore = false;
      } while (again);
    } finally {
      running = null;
      await scheduleWakeUp();
    }
  })();
  return running;
}

async function flushRound(ignoreBackoff: boolean): Promise<void> {
  const { reportToken } = await loadIdentity();
  for (let round = 0; round < 1000; round++) {
    const [records, receivers] = await Promise.all([shareRecords.getValue(), receiverStates.getValue()]);
    const batches = planBatches(records, receivers, ignoreBackoff && round === 0 ? Number.POSITIVE_INFINITY : Date.now());
    if (batches.length === 0) return;
    const byId = new Map(records.map((record) => [record.report.id, record]));
    const progressed = await Promise.all(batches.map((batch) => sendOne(batch, byId, reportToken)));
    if (!progressed.some(Boolean)) return;
  }
}

/** Sends one batch and applies the answer; true when the outbox moved on. */
async function sendOne(batch: Batch, byId: Map<string, ShareRecord>, token: string): Promise<boolean> {
  const reports = batch.ids.flatMap((id) => byId.get(id)?.report ?? []);
  const outcome = await sendBatch(batch.receiver, reports, token);
  await serially(async () => {
    const [records, receivers] = await Promise.all([shareRecords.getValue(), receiverStates.getValue()]);
    const next = applyOutcome({ records, receivers }, batch, outcome, Date.now());
    await Promise.all([shareRecords.setValue(next.records), receiverStates.setValue(next.receivers)]);
  });
  return outcome.kind === 'answered' || outcome.kind === 'bad_request';
}

async function scheduleWakeUp(): Promise<void> {
  const [records, receivers] = await Promise.all([shareRecords.getValue(), receiverStates.getValue()]);
  const wake = nextWakeUp(records, receivers);
  if (wake === null) await browser.alarms.clear(OUTBOX_ALARM);
  else await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(wake, Date.now() + 1000) });
}

/** The token changed: receivers paused for a bad one may try again. */
export async function resumeAfterTokenChange(): Promise<void> {
  await serially(async () => {
    await receiverStates.setValue(unpauseReceivers(await receiverStates.getValue()));
  });
  await flushOutbox();
}
