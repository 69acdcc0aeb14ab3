import type { BrowserContext } from '@playwright/test';
import { DEMO_SHOWN_IDS } from '../../server/demo-feed';
import { expect, REPORTER, test } from './support/fixtures';
import { OptionsPage, setLanguage } from './support/options-page';
import { PopupPage } from './support/popup-page';

const SAIK = DEMO_SHOWN_IDS[0]!;

test('a share control opens the platform’s share page with the caption shown for it', async ({ siar }) => {
  await siar.context.route('https://x.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>X</title>' }));
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  const item = popup.item(SAIK);
  await item.locator('.caption-toolbar select').selectOption('x');
  await item.getByRole('button', { name: /Variasi lain/ }).click();
  const caption = await item.locator('.caption').innerText();
  await expect(item.locator('.count')).toHaveText(/^\d+\/280$/);

  const [tab] = await Promise.all([siar.context.waitForEvent('page'), item.locator('[data-siar-share="x"]').click()]);
  await tab.waitForURL(/^https:\/\/x\.com\//);
  const url = new URL(tab.url());
  expect(url.origin + url.pathname).toBe('https://x.com/intent/tweet');
  expect(url.searchParams.get('text')).toBe(caption);
  // Opening a share page is not a share (docs/protocol.md §3.2).
  await expect(popup.item(SAIK).locator('.item-shared')).toHaveCount(0);
});

/** What the system clipboard holds, read from an ordinary page that may read it. */
async function readClipboard(context: BrowserContext, origin: string): Promise<string> {
  await context.grantPermissions(['clipboard-read'], { origin });
  const page = await context.newPage();
  await page.goto(`${origin}/healthz`);
  await page.bringToFront();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.close();
  return text;
}

test('Facebook opens the site and leaves the caption on the clipboard', async ({ siar, server }) => {
  await siar.context.route('https://www.facebook.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Facebook</title>' }));
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  const item = popup.item(SAIK);
  const [tab] = await Promise.all([siar.context.waitForEvent('page'), item.locator('[data-siar-share="facebook"]').click()]);
  await tab.waitForURL(/^https:\/\/www\.facebook\.com\//);
  await expect(item.locator('[role="status"]')).toContainText('teks sudah disalin');
  const clipboard = await readClipboard(siar.context, server.origin);
  expect(clipboard).toContain('SAIK 2019 resmi dibuka di Pangkalpinang!\n\nRibuan ASN');
  await expect(item.locator('.caption-toolbar select')).toHaveValue('facebook');
});

test('the whole “I shared it” flow works by keyboard alone, with visible focus', async ({ siar, server }) => {
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  await expect(popup.item(SAIK)).toBeVisible();
  const page = popup.page;
  const tabUntil = async (selector: string) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  await tabUntil(`[data-siar-item="${SAIK}"] details.confirm > summary`);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await tabUntil(`[data-siar-item="${SAIK}"] [data-siar-confirm="whatsapp"]`);
  await page.keyboard.press('Enter');
  await expect.poll(() => server.storedRows().map((row) => [row.item_id, row.platform, row.reporter_id])).toEqual([[SAIK, 'whatsapp', REPORTER.id]]);
  await expect(popup.page.locator('.progress')).toContainText('1 dari 3');
});

test('only the platforms the user ticked are offered', async ({ siar }) => {
  const options = await OptionsPage.open(siar.context, siar.extensionId);
  for (const name of ['Facebook', 'Instagram', 'Threads', 'LinkedIn', 'TikTok', 'YouTube', 'Telegram', 'Bluesky', 'Mastodon', 'Lainnya']) {
    await options.page.getByRole('checkbox', { name }).uncheck();
  }
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  await expect(popup.item(SAIK).locator('[data-siar-share]')).toHaveCount(2);
  await expect(popup.item(SAIK).locator('[data-siar-share="x"]')).toBeVisible();
  await expect(popup.item(SAIK).locator('[data-siar-share="whatsapp"]')).toBeVisible();
  await expect(popup.item(SAIK).locator('[data-siar-confirm]')).toHaveCount(2);
});

test('the popup speaks English when the user chooses it', async ({ siar }) => {
  const options = await OptionsPage.open(siar.context, siar.extensionId);
  await setLanguage(options, 'en');
  await expect(options.page.locator('h1')).toHaveText('Siar settings');
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  await expect(popup.page.locator('h1')).toHaveText("Today's posts");
  await expect(popup.page.locator('.progress')).toContainText('0 of 3 shared');
});

test.describe('with a locked policy', () => {
  test.use({ policyExtras: { report_token: 'token-kantor', locked: true, mastodon_instances: ['https://mastodon.example.go.id'] } });

  test('managed values are read-only and marked as set by the administrator', async ({ siar, server }) => {
    const options = await OptionsPage.open(siar.context, siar.extensionId);
    for (const name of ['reporter-id', 'reporter-name', 'reporter-unit', 'report-token']) {
      await expect(options.page.locator(`input[name="${name}"]`)).toHaveAttribute('readonly', '');
    }
    await expect(options.page.locator('input[name="reporter-name"]')).toHaveValue(REPORTER.name);
    await expect(options.page.locator(`[data-siar-subscription="${server.feedUrl}"] .badge`)).toHaveText('diatur oleh administrator');
    await expect(options.page.locator(`[data-siar-subscription="${server.feedUrl}"] button`)).toHaveCount(0);
    // The managed Mastodon instance is used for Mastodon's share page.
    const popup = await PopupPage.open(siar.context, siar.extensionId);
    await expect(popup.item(SAIK).locator('[data-siar-share="mastodon"]')).toBeVisible();
  });
});

test('the badge counts today’s posts not shared yet', async ({ siar }) => {
  // Runs in the service worker, where `chrome` is the extension API.
  const badge = () =>
    siar.worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));
  await expect.poll(badge, { timeout: 15_000 }).toBe('3');
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  await popup.confirmShared(SAIK, 'x');
  await expect.poll(badge).toBe('2');
});
