import { test as base, expect } from '@playwright/test';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_EMBARGOED_IDS, DEMO_HIDDEN_IDS, DEMO_SHOWN_IDS } from '../../server/demo-feed';
import { generateSigningKeys, privateKeyFromText } from '../../server/signing';
import { startFeedServer, type SwitchableFeedServer } from './support/feed-server';
import { launchWithExtension, type LaunchedExtension } from './support/launch';
import { OptionsPage } from './support/options-page';
import { ROOT } from './support/paths';
import { canWritePolicy, clearSiarPolicy, writeSiarPolicy } from './support/policy';
import { PopupPage } from './support/popup-page';
import { startTestServer, type TestServer } from './support/reference-server';

/**
 * The options page's subscriptions: a managed feed listed read-only, and a
 * signed feed added with its public key after a test fetch that says what Siar
 * makes of it.
 */

const id = JSON.parse(readFileSync(join(ROOT, 'public/_locales/id/messages.json'), 'utf8')) as Record<string, { message: string }>;
const say = (key: string, ...values: (string | number)[]) =>
  id[key]!.message.replace(/\$(\d)/g, (_, n: string) => String(values[Number(n) - 1] ?? ''));

const keys = generateSigningKeys();
const otherKeys = generateSigningKeys();

const test = base.extend<{ managed: SwitchableFeedServer; signed: TestServer; siar: LaunchedExtension; viaPolicy: boolean }>({
  managed: async ({}, use) => {
    const server = await startFeedServer({
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Kantor</title></channel></rss>`,
      contentType: 'application/rss+xml',
    });
    await use(server);
    await server.close();
  },
  signed: async ({}, use) => {
    const server = await startTestServer({ signingKey: privateKeyFromText(keys.privateKey) });
    await use(server);
    await server.close();
    rmSync(server.dataDir, { recursive: true, force: true });
  },
  viaPolicy: async ({}, use) => use(canWritePolicy()),
  siar: async ({ managed, viaPolicy }, use) => {
    if (viaPolicy) writeSiarPolicy({ feeds: [{ url: managed.feedUrl, name: 'Feed kantor' }], locked: true });
    const launched = await launchWithExtension();
    await use(launched);
    await launched.context.close();
    if (viaPolicy) clearSiarPolicy();
    rmSync(launched.userDataDir, { recursive: true, force: true });
  },
});

test('a signed feed is tested, then added with its public key; a managed one is read-only', async ({ siar, signed, managed, viaPolicy }) => {
  const options = await OptionsPage.open(siar.context, siar.extensionId);
  const page = options.page;

  if (viaPolicy) {
    const row = page.locator(`[data-siar-subscription="${managed.feedUrl}"]`);
    await expect(row).toContainText('Feed kantor');
    await expect(row).toContainText(say('managedByAdmin'));
    await expect(row.getByRole('button')).toHaveCount(0);
  }

  // A key that is not base64 of 32 bytes is refused before anything is fetched.
  await options.fillFeed(signed.feedUrl, { publicKey: 'bukan-kunci' });
  await page.locator('.add-feed [data-feed-test-button]').click();
  await expect(page.locator('#feed-form-error')).toHaveText(say('feedKeyInvalid'));
  await expect(page.locator('.add-feed input[name="feed-public-key"]')).toHaveAttribute('aria-invalid', 'true');

  // Another office's key: the signature does not match.
  await options.fillFeed(signed.feedUrl, { publicKey: otherKeys.publicKey });
  let result = await options.testFeed();
  await expect(result).toHaveAttribute('data-feed-test', 'error');
  await expect(result).toContainText(say('feedError_signature_invalid'));

  // The right key: what the feed holds, how much of it is for today, and that the signature is good.
  await options.fillFeed(signed.feedUrl, { publicKey: keys.publicKey, name: 'Diskominfo Demo', timezone: 'Asia/Makassar', hashtags: '#SAIK2019, Humas' });
  result = await options.testFeed();
  await expect(result).toHaveAttribute('data-feed-test', 'ok');
  await expect(result).toContainText(say('feedTestOk', 'Siar Demo — Diskominfo Provinsi Kepulauan Bangka Belitung', 'JSON Feed', DEMO_SHOWN_IDS.length + DEMO_HIDDEN_IDS.length - DEMO_EMBARGOED_IDS.length, DEMO_SHOWN_IDS.length));
  await expect(result).toContainText(say('feedTestSigned'));
  await page.screenshot({ path: 'test-results/options-feed-tested.png', fullPage: true });

  await page.locator('.add-feed button[type="submit"]').click();
  const row = page.locator(`[data-siar-subscription="${signed.feedUrl}"]`);
  await expect(row).toContainText('Diskominfo Demo');
  await expect(row).toContainText(say('feedSignedBadge'));
  await expect(row).toContainText('#SAIK2019 #Humas');
  type StorageApi = { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } };
  const stored = await page.evaluate(async () => (await (globalThis as unknown as StorageApi).chrome.storage.local.get('subscriptions')).subscriptions);
  expect(stored).toEqual([
    { url: signed.feedUrl, name: 'Diskominfo Demo', public_key: keys.publicKey, timezone: 'Asia/Makassar', hashtags: ['SAIK2019', 'Humas'] },
  ]);
  await page.screenshot({ path: 'test-results/options-feed-added.png', fullPage: true });

  // The background verifies the same signature on every fetch: the popup shows the feed as up to date.
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  await expect(popup.feedStatus(signed.feedUrl)).toHaveAttribute('data-state', 'ok');
  await expect(popup.items()).toHaveCount(DEMO_SHOWN_IDS.length);
  await popup.page.close();

  await row.getByRole('button', { name: say('removeFeed') }).click();
  await expect(row).toHaveCount(0);
});
