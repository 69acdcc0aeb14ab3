import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startFeedServer, corpusFeed, type SwitchableFeedServer } from './support/feed-server';
import { launchWithExtension, type LaunchedExtension } from './support/launch';
import { OptionsPage } from './support/options-page';
import { canWritePolicy, clearSiarPolicy, writeSiarPolicy } from './support/policy';
import { ROOT } from './support/paths';
import { PopupPage } from './support/popup-page';

/** The popup runs in Bahasa Indonesia (the default locale); its sentences come from there. */
const id = JSON.parse(readFileSync(join(ROOT, 'public/_locales/id/messages.json'), 'utf8')) as Record<string, { message: string }>;
const say = (key: string) => id[key]!.message;

/**
 * The feed engine in the real extension: hostile versions of a feed served one
 * after another from a local server never run script and never erase the last
 * good copy; the refresh control fetches at once; polling survives a stopped
 * service worker.
 */

const RSS = 'application/rss+xml; charset=utf-8';
const JSON_FEED = 'application/feed+json';

/** A small RSS 2.0 feed whose items are all published now, so that they are today's. */
function goodRss(ids: string[]): string {
  const now = new Date().toUTCString();
  const items = ids
    .map(
      (itemId) => `<item><title>Berita ${itemId}</title><link>https://diskominfo.example.go.id/${itemId}/</link>
<guid isPermaLink="false">${itemId}</guid><pubDate>${now}</pubDate>
<description><![CDATA[<p>Ringkasan ${itemId}.</p>]]></description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Diskominfo Uji</title>
<link>https://diskominfo.example.go.id/</link><description>x</description>${items}</channel></rss>`;
}

const test = base.extend<{ feeds: SwitchableFeedServer; siar: LaunchedExtension }>({
  feeds: async ({}, use) => {
    const server = await startFeedServer({ body: goodRss(['baik-1', 'baik-2']), contentType: RSS });
    await use(server);
    await server.close();
  },
  siar: async ({ feeds }, use) => {
    const viaPolicy = canWritePolicy();
    if (viaPolicy) writeSiarPolicy({ feeds: [{ url: feeds.feedUrl }] });
    const launched = await launchWithExtension();
    if (!viaPolicy) {
      const options = await OptionsPage.open(launched.context, launched.extensionId);
      await options.addFeed(feeds.feedUrl);
      await options.page.close();
    }
    await use(launched);
    await launched.context.close();
    if (viaPolicy) clearSiarPolicy();
    rmSync(launched.userDataDir, { recursive: true, force: true });
  },
});

type AlarmsApi = { chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } } };

/** The poll alarm, read from an extension page: alarms belong to the browser, not to the worker. */
function pollAlarm(page: Page) {
  return page.evaluate(() => (globalThis as unknown as AlarmsApi).chrome.alarms.get('siar-feeds'));
}

async function refresh(page: Page) {
  await page.getByRole('button', { name: say('refresh') }).click();
}

/** Nothing a feed carried ran: no flag set by an injected script, no dialog, nothing executable in the DOM. */
async function expectNoScriptRan(popup: PopupPage, siar: LaunchedExtension, dialogs: string[]) {
  expect(await popup.page.evaluate(() => (window as unknown as { __siarPwned?: number }).__siarPwned)).toBeUndefined();
  expect(await siar.worker.evaluate(() => (self as unknown as { __siarPwned?: number }).__siarPwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  const executable = await popup.page.evaluate(
    () =>
      document.querySelectorAll(
        '.items script, .items iframe, .items object, .items svg, .items [onerror], .items [onload], .items [onclick], .items a[href^="javascript:"], .items a[href^="data:"], .items img[src^="data:"]',
      ).length,
  );
  expect(executable).toBe(0);
}

test('hostile feed versions never run script and never erase the last good copy', async ({ siar, feeds }) => {
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  const dialogs: string[] = [];
  popup.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const status = popup.feedStatus(feeds.feedUrl);
  await expect(popup.items()).toHaveCount(2);
  await expect(status).toHaveAttribute('data-state', 'ok');

  const rejected: [string, string, string][] = [
    ['html-page.html', 'text/html; charset=utf-8', 'not_a_feed'],
    ['truncated-after-item.xml', RSS, 'malformed'],
    ['invalid-utf8.json', JSON_FEED, 'bad_encoding'],
    ['deep-nesting.xml', RSS, 'too_deep'],
    ['too-many-items.json', JSON_FEED, 'too_many_items'],
    ['huge-string.xml', RSS, 'string_too_long'],
    ['proto-element.xml', RSS, 'malformed'],
  ];
  for (const [file, contentType, code] of rejected) {
    feeds.serve(corpusFeed(file, contentType));
    await refresh(popup.page);
    await expect(status, file).toHaveAttribute('data-state', 'stale');
    await expect(status, file).toContainText(say(`feedError_${code}`));
    expect(await popup.itemIds(), file).toEqual(['baik-1', 'baik-2']);
    await expectNoScriptRan(popup, siar, dialogs);
  }
  feeds.serve({ body: new Uint8Array(6 * 1024 * 1024).fill(0x20), contentType: JSON_FEED });
  await refresh(popup.page);
  await expect(status).toContainText(say('feedError_too_large'));
  await expect(popup.items()).toHaveCount(2);

  // A version that is valid but carries script in every field is shown, inert.
  for (const [file, contentType, itemTitle] of [
    ['script-every-field.json', JSON_FEED, 'Judul <script>window.__siarPwned=1</script>'],
    ['script-every-field.xml', RSS, 'Judul <script>window.__siarPwned=1</script>'],
    ['event-handlers.json', JSON_FEED, 'Berita a'],
  ] as const) {
    feeds.serve(corpusFeed(file, contentType));
    await refresh(popup.page);
    await expect(status, file).toHaveAttribute('data-state', 'ok');
    await expect(popup.items(), file).toHaveCount(1);
    await expect(popup.items().first().locator('[data-siar-title]'), file).toContainText(itemTitle);
    const content = popup.items().first().locator('details.item-content');
    await content.locator('summary').click();
    await expect(content.locator('.item-content-body'), file).toBeVisible();
    // Every image has loaded or failed (so its onload / onerror would have run), then one frame.
    await expect
      .poll(() => content.locator('.item-content-body').evaluate((body) => [...body.querySelectorAll('img')].every((img) => img.complete)), { message: file })
      .toBe(true);
    await popup.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    await expectNoScriptRan(popup, siar, dialogs);
  }
  await popup.page.screenshot({ path: 'test-results/feed-hostile-popup.png', fullPage: true });

  // And a rejected version after it keeps that copy, marked stale.
  feeds.serve(corpusFeed('entity-external.xml', RSS));
  await refresh(popup.page);
  await expect(status).toHaveAttribute('data-state', 'stale');
  await expect(popup.items()).toHaveCount(1);
  await expectNoScriptRan(popup, siar, dialogs);
});

test('the refresh control fetches at once; the poll alarm is scheduled', async ({ siar, feeds }) => {
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  await expect(popup.items()).toHaveCount(2);

  const hits = feeds.hits();
  feeds.serve({ body: goodRss(['baik-1', 'baik-2', 'baru-3']), contentType: RSS });
  await refresh(popup.page);
  await expect.poll(() => popup.itemIds()).toEqual(['baik-1', 'baik-2', 'baru-3']);
  expect(feeds.hits()).toBe(hits + 1);
  await expect(popup.feedStatus(feeds.feedUrl)).toHaveAttribute('data-state', 'ok');

  // Polling lives in the browser's alarms (it outlives the worker): next poll in 15 to 18¾ minutes.
  const alarm = await pollAlarm(popup.page);
  const minutes = ((alarm?.scheduledTime ?? 0) - Date.now()) / 60_000;
  expect(minutes).toBeGreaterThan(13);
  expect(minutes).toBeLessThanOrEqual(18.75);
});
