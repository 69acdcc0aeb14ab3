import { rmSync } from 'node:fs';
import { HANDLE, POST_ID } from '../fixtures/sites/x/api';
import { demoCaption } from '../e2e/support/demo-caption';
import { expect, REPORTER, test } from '../e2e/support/fixtures';
import { startTestServer } from '../e2e/support/reference-server';
import { clearFirefoxPolicy, writeFirefoxPolicy } from './firefox-policy';
import { ADDON_ID, launchFirefoxWithSiar, openExtensionPage } from './launch-firefox';
import { serveSiteInFirefox } from './serve-site';

const ITEM = 'tantangan-gpr-digital';

type FixtureWindow = Window & { __fixture: { text(name?: string): string | null } };

test('Firefox ESR: managed policy subscribes Siar, the popup lists today, the caption goes into X, the report reaches the office', async () => {
  test.setTimeout(120_000);
  const server = await startTestServer();
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
    await popup.waitForSelector(`[data-siar-status][data-siar-feed="${server.feedUrl}"][data-state="ok"]`);
    expect(await popup.$eval(`[data-siar-item="${ITEM}"] [data-siar-title]`, (node) => node.textContent)).toBeTruthy();
    await popup.close();

    // X's look-alike page at https://x.com: Siar's button, then Insert, into Draft.js.
    const page = await browser.newPage();
    await serveSiteInFirefox(page, 'x', 'https://x.com');
    await page.goto('https://x.com/home?toastlink=0');
    await page.locator('siar-root >>> [data-siar-launcher]').click();
    await page.locator(`siar-root >>> [data-siar-insert="${ITEM}"]`).click();
    const caption = demoCaption(server.origin, ITEM, 'x');
    await expect.poll(() => page.evaluate(() => (window as unknown as FixtureWindow).__fixture.text())).toBe(caption);

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
  } finally {
    await firefox.browser.close();
    await server.close();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
});
