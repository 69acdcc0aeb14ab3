import { startServer } from '../../server/app';
import { DEMO_SHOWN_IDS } from '../../server/demo-feed';
import type { FaultProxy, ShareRequest } from './support/fault-proxy';
import { PopupPage } from './support/popup-page';
import type { TestServer } from './support/reference-server';
import { expect, HistoryPage, outboxSection, relaunch, sendReportsNow, test } from './support/report-fixtures';
import { ServiceWorkerControl } from './support/service-worker';

/**
 * PROTOCOL §3.5 end to end: the built extension in Chromium, the real reference server,
 * and a fault proxy between them. Every test ends by counting SQLite rows: each share
 * reached the server exactly once, none lost, none twice.
 *
 * Chrome's alarms wake the outbox no sooner than the 30 s backoff; most tests press
 * "Kirim sekarang" (send now) where a user would, and one waits for the alarm itself.
 */

const [SAIK, GPR, ASN] = DEMO_SHOWN_IDS as [string, string, string];

async function share(popup: PopupPage, itemId: string, platform: string): Promise<void> {
  await popup.confirmShared(itemId, platform);
  await expect(popup.item(itemId).locator('.notice--ok')).toBeVisible();
}

/** Every id the browser ever sent is stored, once; and there were `shares` of them. */
function expectEachStoredOnce(server: TestServer, faults: FaultProxy, shares: number): void {
  const rows = server.storedRows();
  const sent = new Set(faults.requests.flatMap((request) => request.ids));
  expect(sent.size).toBe(shares);
  expect(rows).toHaveLength(shares);
  expect(new Set(rows.map((row) => row.id))).toEqual(sent);
}

const waiting = (popup: PopupPage, n: number) => expect(popup.outbox()).toHaveText(`${n} laporan menunggu dikirim`);
const nothingWaits = (popup: PopupPage) => expect(popup.outbox()).toContainText('(0)');

test('500s: the reports wait with the reason, and go once the receiver recovers', async ({ siar, server, faults }) => {
  faults.fault = 'error500';
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  await share(popup, SAIK, 'facebook');
  await share(popup, GPR, 'whatsapp');
  await waiting(popup, 2);
  await expect(outboxSection(popup)).toContainText('penerima laporan sedang bermasalah');

  await sendReportsNow(popup); // still failing: nothing is lost or counted
  await waiting(popup, 2);
  expect(server.storedRows()).toHaveLength(0);

  faults.fault = 'pass';
  await sendReportsNow(popup);
  await nothingWaits(popup);
  expectEachStoredOnce(server, faults, 2);
  // The same ids were sent every time.
  expect(faults.requests.length).toBeGreaterThanOrEqual(3);
});

test('a receiver that hangs after storing: the 10 s timeout, then the resend is a duplicate', async ({ siar, server, faults }) => {
  faults.fault = 'hold-after-store';
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  const started = Date.now();
  await share(popup, SAIK, 'x');
  await faults.waitForRequests(1);
  await expect.poll(() => server.storedRows().length).toBe(1);
  await expect(outboxSection(popup)).toContainText('tidak menjawab dalam 10 detik', { timeout: 25_000 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
  await waiting(popup, 1);

  faults.release();
  faults.fault = 'pass';
  await sendReportsNow(popup);
  await nothingWaits(popup);
  expectEachStoredOnce(server, faults, 1);
});

test('dropped connections, before and after the server stored the batch', async ({ siar, server, faults }) => {
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  // Chromium itself retries a request whose reused connection closed unanswered, so the
  // faults here hold for a phase, not for one request.
  faults.fault = 'drop';
  await share(popup, SAIK, 'threads');
  await faults.waitForRequests(1);
  await waiting(popup, 1);
  await expect(outboxSection(popup)).toContainText('tidak dapat dihubungi');
  expect(server.storedRows()).toHaveLength(0);

  faults.fault = 'drop-after-store'; // stored, but the answer is lost
  const before = faults.requests.length;
  await sendReportsNow(popup);
  await faults.waitForRequests(before + 1);
  await expect.poll(() => server.storedRows().length).toBe(1);
  await waiting(popup, 1);

  await share(popup, ASN, 'telegram');
  faults.fault = 'pass';
  await sendReportsNow(popup);
  await nothingWaits(popup);
  expectEachStoredOnce(server, faults, 2);
  expect(faults.requests.at(-1)?.ids).toHaveLength(2);
});

test('the receiver goes down and comes back: the alarm sends the report, no click needed', async ({ siar, server, faults }) => {
  test.setTimeout(120_000);
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  await expect(popup.item(GPR)).toBeVisible();
  await faults.down();
  await share(popup, GPR, 'facebook');
  await waiting(popup, 1);
  await expect(outboxSection(popup)).toContainText('tidak dapat dihubungi');

  await faults.up();
  // The first retry is due 30 s after the failure (PROTOCOL §3.5 backoff), woken by chrome.alarms.
  await expect.poll(() => server.storedRows().length, { timeout: 75_000, intervals: [1000] }).toBe(1);
  await nothingWaits(popup);
  expectEachStoredOnce(server, faults, 1);
});

test('the reference server itself restarts on the same database: nothing lost', async ({ siar, server, faults }) => {
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  await share(popup, SAIK, 'x');
  await nothingWaits(popup);

  await server.close(); // the proxy now answers 502 without CORS headers: a network error
  await share(popup, GPR, 'x');
  await waiting(popup, 1);
  await expect(outboxSection(popup)).toContainText('tidak dapat dihubungi');

  const port = Number(new URL(server.origin).port);
  const again = await startServer({ host: '127.0.0.1', port, dataDir: server.dataDir, openReports: true });
  try {
    await sendReportsNow(popup);
    await nothingWaits(popup);
    expectEachStoredOnce(server, faults, 2);
  } finally {
    await again.close();
  }
});

/** Stops the worker while `request` still waits for its answer, and sees its connection close. */
async function stopMidSend(worker: ServiceWorkerControl, request: ShareRequest): Promise<void> {
  let gone = false;
  void request.clientGone.then(() => (gone = true));
  expect(gone).toBe(false);
  await worker.stop();
  await request.clientGone; // the worker's fetch died with it, long before its 10 s timeout
}

test('the service worker is stopped in the middle of a send (CDP)', async ({ siar, server, faults }) => {
  const worker = await ServiceWorkerControl.attach(siar.context, siar.extensionId);
  const popup = await PopupPage.open(siar.context, siar.extensionId);

  // 1. Stopped before the server saw the batch.
  faults.fault = 'hang';
  await share(popup, SAIK, 'facebook');
  const first = await faults.waitForRequests(1);
  await stopMidSend(worker, first);
  expect(server.storedRows()).toHaveLength(0);

  // 2. Stopped after the server stored the batch, before its answer arrived.
  faults.fault = 'hold-after-store';
  await outboxSection(popup).getByRole('button', { name: 'Kirim sekarang' }).click(); // the message starts the worker again
  const second = await faults.waitForRequests(2);
  await expect.poll(() => server.storedRows().length).toBe(1);
  await stopMidSend(worker, second);
  faults.release();

  // The report is still in the outbox (IndexedDB), whatever the worker knew.
  const fresh = await PopupPage.open(siar.context, siar.extensionId);
  await waiting(fresh, 1);
  faults.fault = 'pass';
  await sendReportsNow(fresh);
  await nothingWaits(fresh);
  expectEachStoredOnce(server, faults, 1);
  expect(faults.requests.map((request) => request.ids)).toEqual([first.ids, first.ids, first.ids]);
  await worker.detach();
});

test('the browser is closed in the middle of a send and restarted on the same profile', async ({ siar, server, faults }) => {
  faults.fault = 'hold-after-store';
  let popup = await PopupPage.open(siar.context, siar.extensionId);
  await share(popup, ASN, 'x');
  await share(popup, SAIK, 'whatsapp');
  await faults.waitForRequests(1);
  await expect.poll(() => server.storedRows().length).toBeGreaterThanOrEqual(1);

  await relaunch(siar); // the browser quits while the answer is held
  faults.release();
  faults.fault = 'pass';

  // On start the worker tries the outbox by itself: no click.
  popup = await PopupPage.open(siar.context, siar.extensionId);
  await nothingWaits(popup);
  expectEachStoredOnce(server, faults, 2);

  const history = await HistoryPage.open(await siar.context.newPage(), siar.extensionId);
  await expect.poll(() => history.hooks()).toEqual([
    { item: SAIK, platform: 'whatsapp', status: 'confirmed' },
    { item: ASN, platform: 'x', status: 'confirmed' },
  ]);
});
