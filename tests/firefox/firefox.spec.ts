import { rmSync } from 'node:fs';
import { HANDLE, POST_ID } from '../fixtures/sites/x/api';
import { demoCaption } from '../e2e/support/demo-caption';
import { expect, REPORTER, test } from '../e2e/support/fixtures';
import { startTestServer } from '../e2e/support/reference-server';
import { clearFirefoxPolicy, writeFirefoxPolicy } from './firefox-policy';
import { ADDON_ID, launchFirefoxWithSiar, openExtensionPage, waitForShown } from './launch-firefox';
import { serveSiteInFirefox } from './serve-site';

const ITEM = 'tantangan-gpr-digital';

type FixtureWindow = Window & { __fixture: { text(name?: string): string | null } };

const TOKEN = 'token-firefox-rahasia';

test('Firefox ESR: managed policy subscribes Siar, the popup lists today, the token stays out of storage.local, the caption goes into X, the report reaches the office', async () => {
  test.setTimeout(120_000);
  // This office accepts reports with its token only: the one typed in options below.
  const server = await startTestServer({ tokens: [TOKEN] });
  // The policy file is machine-wide (the machine lock is held by the global setup) and Firefox
  // reads it only at start-up: it is removed as soon as Firefox has read it.
  let firefox: Awaited<ReturnType<typeof launchFirefoxWithSiar>> | undefined;
  try {
    writeFirefoxPolicy(ADDON_ID, { feeds: [{ url: server.feedUrl }], reporter: REPORTER });
    firefox = await launchFirefoxWithSiar();
  } finally {
    clearFirefoxPolicy();
  }
  try {
    const { browser } = firefox;
    // storage.managed, Firefox's way: the policy's feed is subscribed and today's posts show.
    const popup = await openExtensionPage(browser, 'popup.html', `[data-siar-item="${ITEM}"]`);
    await waitForShown(popup, `[data-siar-status][data-siar-feed="${server.feedUrl}"][data-state="ok"]`);
    expect(await popup.$eval(`[data-siar-item="${ITEM}"] [data-siar-title]`, (node) => node.textContent)).toBeTruthy();
    await popup.close();

    // The user types the office's token. Firefox has no storage.local.setAccessLevel, so
    // storage.local is readable by content scripts: the token must not be there
    // (lib/reports/token-store.ts keeps it in the extension's own IndexedDB).
    const options = await openExtensionPage(browser, 'options.html', `[data-siar-token-origin="${server.origin}"]`);
    await options.locator('input[name="report-token"]').fill(TOKEN);
    await options.locator('#identity-heading ~ form button[type="submit"]').click();
    await waitForShown(options, '#identity-heading ~ form [role="status"]');
    const local = await options.evaluate(async () => JSON.stringify(await (globalThis as unknown as { browser: { storage: { local: { get(keys: null): Promise<unknown> } } } }).browser.storage.local.get(null)));
    expect(local).toContain('reportTokensRevision');
    expect(local).not.toContain(TOKEN);
    await options.close();

    // X's look-alike page at https://x.com: Siar's button, then Insert, into Draft.js.
    const page = await browser.newPage();
    await serveSiteInFirefox(page, 'x', 'https://x.com');
    await page.goto('https://x.com/home?toastlink=0');
    await page.locator('siar-root >>> [data-siar-launcher]').click();
    await page.locator(`siar-root >>> [data-siar-insert="${ITEM}"]`).click();
    const caption = demoCaption(server.origin, ITEM, 'x');
    await expect.poll(() => page.evaluate(() => (window as unknown as FixtureWindow).__fixture?.text())).toBe(caption);

    // Posting: X's answer (seen by the page-world watcher) gives the link; the office stores it.
    await page.locator('[data-testid="tweetButtonInline"]').click();
    await expect.poll(() => server.storedRows().length, { timeout: 30_000 }).toBe(1);
    expect(server.storedRows()[0]).toMatchObject({
      item_id: ITEM,
      platform: 'x',
      status: 'published',
      method: 'composer',
      post_url: `https://x.com/${HANDLE}/status/${POST_ID}`,
      reporter_id: REPORTER.id,
    });
    // It went with the token (this office refuses reports without it).
    expect(server.storedRows()).toHaveLength(1);
  } finally {
    await firefox.browser.close();
    await server.close();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
});
