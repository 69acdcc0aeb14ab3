import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { EXTENSION_DIR, ROOT } from './support/paths';

/**
 * Siar is a guest in the browser: it must never replace one of the browser's own pages
 * (WXT turns an entrypoint named `history`, `newtab` or `bookmarks` into a
 * `chrome_url_overrides` page). Issue 17: Ctrl+H opened Siar's share list.
 */
const OVERRIDE_KEYS = ['chrome_url_overrides', 'chrome_settings_overrides'];

function readManifest(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

test('neither built manifest overrides a browser page', () => {
  test.setTimeout(180_000);
  const chrome = readManifest(EXTENSION_DIR);
  // The Firefox build of this run: `npm test` has just made it (scripts/test-all.mjs names it
  // in SIAR_FIREFOX_BUILD_DIR, so it is not built twice); run alone, the test builds it into
  // its own folder.
  let firefoxDir = process.env.SIAR_FIREFOX_BUILD_DIR;
  if (!firefoxDir) {
    const firefoxOut = join(ROOT, 'tests', 'e2e', '.tmp', 'firefox-build');
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], {
      cwd: ROOT,
      env: { ...process.env, SIAR_OUT_DIR: firefoxOut },
      stdio: 'pipe',
    });
    firefoxDir = join(firefoxOut, 'firefox-mv3');
  }
  const firefox = readManifest(firefoxDir);
  for (const manifest of [chrome, firefox]) {
    for (const key of OVERRIDE_KEYS) expect(manifest, key).not.toHaveProperty(key);
  }
  // The share list is still built, at its new unlisted address.
  expect(readFileSync(join(EXTENSION_DIR, 'shares.html'), 'utf8')).toContain('<div id="root">');
});

test("chrome://history is the browser's own page, and Siar's list is at /shares.html", async ({ siar }) => {
  const page = await siar.context.newPage();
  await page.goto('chrome://history');
  expect(new URL(page.url()).protocol).toBe('chrome:');
  await expect(page.locator('history-app')).toBeAttached();
  await expect(page.locator('[data-siar-history-row], #root')).toHaveCount(0);

  await page.goto(`chrome-extension://${siar.extensionId}/shares.html`);
  await expect(page.locator('#root h1')).toBeVisible();
});
