import { test, expect } from '@playwright/test';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKeys, privateKeyFromText } from '../../server/signing';
import { REPORTER } from './support/fixtures';
import { launchWithExtension, type LaunchedExtension } from './support/launch';
import { ROOT } from './support/paths';
import { canWritePolicy, clearSiarPolicy, writeSiarPolicy } from './support/policy';
import { PopupPage } from './support/popup-page';
import { startTestServer, type TestServer } from './support/reference-server';
import { siarFeed, startSignedFeedServer, type SignedFeedServer } from './support/signed-feed-server';

/**
 * Issue 12, proof that holds, in the built extension against real servers: signed
 * statements (replay, substitution, expiry, a key set after an unsigned copy), tokens
 * bound to their receiver's origin, and enrollment through the options page.
 */

const id = JSON.parse(readFileSync(join(ROOT, 'public/_locales/id/messages.json'), 'utf8')) as Record<string, { message: string }>;
const say = (key: string, ...subs: string[]) => id[key]!.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');

const keys = generateSigningKeys();
const privateKey = privateKeyFromText(keys.privateKey);

let siar: LaunchedExtension | null = null;
const cleanups: (() => Promise<void> | void)[] = [];
test.afterEach(async () => {
  await siar?.context.close();
  if (siar) rmSync(siar.userDataDir, { recursive: true, force: true });
  siar = null;
  clearSiarPolicy();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

test.skip(!canWritePolicy(), 'these specs deploy Siar through managed policy (run as root, as CI does)');

async function launch(policy: Record<string, unknown>): Promise<LaunchedExtension> {
  writeSiarPolicy(policy);
  siar = await launchWithExtension();
  return siar;
}

async function publisher(host: '127.0.0.1' | 'localhost' = '127.0.0.1'): Promise<SignedFeedServer> {
  const server = await startSignedFeedServer({ host, key: privateKey });
  cleanups.push(() => server.close());
  return server;
}

async function refresh(popup: PopupPage): Promise<void> {
  await popup.page.locator('[data-siar-refresh]').click();
  await expect(popup.page.locator('[data-siar-refresh]')).toBeEnabled();
}

test('a replayed older version and a body signed for another feed are refused; the good copy stays', async () => {
  const feed = await publisher();
  feed.serve({ body: siarFeed(feed.origin, ['baru']), statement: { seq: 20 } });
  const { context, extensionId } = await launch({ feeds: [{ url: feed.feedUrl, public_key: keys.publicKey }], reporter: REPORTER });
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.item('baru')).toBeVisible();
  await expect(popup.feedStatus(feed.feedUrl)).toHaveAttribute('data-state', 'ok');

  // An older version, validly signed with a lower seq: the retracted item must not come back.
  feed.serve({ body: siarFeed(feed.origin, ['ditarik']), statement: { seq: 19 } });
  await refresh(popup);
  await expect(popup.feedStatus(feed.feedUrl)).toHaveAttribute('data-state', 'stale');
  await expect(popup.feedStatus(feed.feedUrl)).toContainText(say('feedError_signature_replay'));
  await expect(popup.item('ditarik')).toHaveCount(0);
  await expect(popup.item('baru')).toBeVisible();

  // Another office's feed, signed by the same key for its own URL.
  feed.serve({ body: siarFeed(feed.origin, ['kabupaten-lain']), statement: { seq: 30, url: 'https://kabupaten-lain.example.go.id/feed.json' } });
  await refresh(popup);
  await expect(popup.feedStatus(feed.feedUrl)).toContainText(say('feedError_signature_wrong_url'));
  await expect(popup.item('kabupaten-lain')).toHaveCount(0);

  // An expired statement is refused too.
  feed.serve({ body: siarFeed(feed.origin, ['basi']), statement: { seq: 31, iat: new Date(Date.now() - 3 * 86400_000), lifetimeSeconds: 3600 } });
  await refresh(popup);
  await expect(popup.feedStatus(feed.feedUrl)).toContainText(say('feedError_signature_expired'));
  await expect(popup.item('basi')).toHaveCount(0);
  await expect(popup.item('baru')).toBeVisible();
});

test('when the cached copy’s statement expires, its items are no longer shown or shareable, and the popup says why', async () => {
  const feed = await publisher();
  // Signed (at each request) 48 h minus 10 s ago: it runs out 10 s after Siar fetched it.
  feed.serve({ body: siarFeed(feed.origin, ['sebentar']), statement: { seq: 5, ageSeconds: 48 * 3600 - 10 } });
  const { context, extensionId } = await launch({ feeds: [{ url: feed.feedUrl, public_key: keys.publicKey }], reporter: REPORTER });
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.item('sebentar')).toBeVisible();
  // Once its exp passes, the copy no longer counts: the popup (reloaded, as a user reopens it) drops it.
  await expect
    .poll(async () => {
      await popup.page.reload();
      return popup.feedStatus(feed.feedUrl).getAttribute('data-state');
    }, { timeout: 40_000, intervals: [1000] })
    .toBe('error');
  await expect(popup.item('sebentar')).toHaveCount(0);
  await expect(popup.feedStatus(feed.feedUrl)).toContainText(say('feedError_signature_expired'));
  await popup.page.screenshot({ path: join(ROOT, 'test-results/proof-popup-expired.png') });
});

test('a key set after an unsigned copy was cached: the copy is dropped at once and its validators are not sent', async () => {
  const feed = await publisher();
  feed.serve({ body: siarFeed(feed.origin, ['tanpa-tanda']) });
  const { context, extensionId } = await launch({ reporter: REPORTER });
  const popup = await PopupPage.open(context, extensionId);
  type StorageApi = { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
  // As the options page saves them (its form is tested in options-subscriptions.spec.ts).
  const setSubscriptions = (value: unknown) => popup.page.evaluate((subs) => (globalThis as unknown as StorageApi).chrome.storage.local.set({ subscriptions: subs }), value);
  await setSubscriptions([{ url: feed.feedUrl }]);
  await expect(popup.item('tanpa-tanda')).toBeVisible();
  const before = feed.feedRequests.length;

  await setSubscriptions([{ url: feed.feedUrl, public_key: keys.publicKey }]);
  await expect(popup.item('tanpa-tanda')).toHaveCount(0);
  await expect.poll(() => feed.feedRequests.length).toBeGreaterThan(before);
  for (const headers of feed.feedRequests.slice(before)) {
    expect(headers['if-none-match']).toBeUndefined();
    expect(headers['if-modified-since']).toBeUndefined();
  }
  await expect(popup.feedStatus(feed.feedUrl)).toHaveAttribute('data-state', 'error');
  await expect(popup.feedStatus(feed.feedUrl)).toContainText(say('feedError_signature_missing'));

  // Signed under the key, the feed is back.
  feed.serve({ body: siarFeed(feed.origin, ['bertanda']), statement: { seq: 1 } });
  await refresh(popup);
  await expect(popup.item('bertanda')).toBeVisible();
});

test('a feed on another origin that names its own receiver gets its reports without any Authorization', async () => {
  const office: TestServer = await startTestServer({ tokens: ['token-kantor'] });
  cleanups.push(async () => {
    await office.close();
    rmSync(office.dataDir, { recursive: true, force: true });
  });
  const stranger = await publisher('localhost');
  stranger.serve({ body: siarFeed(stranger.origin, ['asing']) });
  const { context, extensionId } = await launch({
    feeds: [{ url: office.feedUrl }, { url: stranger.feedUrl }],
    reporter: REPORTER,
    report_tokens: { [office.origin]: 'token-kantor' },
  });
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.item('asing')).toBeVisible();
  await popup.confirmShared('asing', 'whatsapp');
  await expect.poll(() => stranger.reports.length).toBe(1);
  expect(stranger.reports[0]!.headers.authorization).toBeUndefined();
  expect(stranger.reports[0]!.body.reports[0]!.item_id).toBe('asing');

  // The office's own receiver does get its token: it asks for one, and stores the report.
  const officeItem = popup.items().filter({ hasNot: popup.page.locator('[data-siar-item="asing"]') }).first();
  const officeId = (await officeItem.getAttribute('data-siar-item'))!;
  await popup.confirmShared(officeId, 'whatsapp');
  await expect.poll(() => office.storedRows().length).toBe(1);
  expect(stranger.reports).toHaveLength(1);
});

test('enrollment through the options page: token for the office only, its record read-only, its feeds subscribed', async () => {
  const office: TestServer = await startTestServer({ signingKey: privateKey, people: [REPORTER] });
  const code = office.codes[REPORTER.id]!;
  cleanups.push(async () => {
    await office.close();
    rmSync(office.dataDir, { recursive: true, force: true });
  });
  const { context, extensionId } = await launch({});
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const field = page.locator('[data-siar-enroll]');
  await field.fill(`${office.origin}/daftar#${code}`);
  await page.locator('[data-siar-enroll-submit]').click();
  await expect(page.locator('[data-siar-enroll-result="ok"]')).toContainText(REPORTER.name);
  await expect(page.locator('input[name="reporter-id"]')).toHaveValue(REPORTER.id);
  await expect(page.locator('input[name="reporter-id"]')).toHaveAttribute('readonly', '');
  await expect(page.locator(`[data-siar-subscription="${office.feedUrl}"]`)).toBeVisible();
  await expect(page.locator(`[data-siar-token-origin="${office.origin}"]`)).toBeVisible();
  await page.screenshot({ path: join(ROOT, 'test-results/proof-options-enrolled.png'), fullPage: true });

  // The same code again: a plain sentence.
  await field.fill(`${office.origin}/daftar#${code}`);
  await page.locator('[data-siar-enroll-submit]').click();
  await expect(page.locator('[data-siar-enroll-result="error"]')).toHaveText(say('enrollError_gone'));
  await page.screenshot({ path: join(ROOT, 'test-results/proof-options-enroll-used.png'), fullPage: true });

  // A share reaches the office with the enrolled token (the office accepts personal tokens only).
  const popup = await PopupPage.open(context, extensionId);
  await expect(popup.feedStatus(office.feedUrl)).toHaveAttribute('data-state', 'ok');
  const first = (await popup.itemIds())[0]!;
  await popup.confirmShared(first, 'whatsapp');
  await expect.poll(() => office.storedRows().length).toBe(1);
  expect(JSON.stringify(office.storedRows()[0])).toContain(REPORTER.id);
});
