import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { TimeoutError, type Browser, type Page } from 'puppeteer-core';
import { ROOT } from '../e2e/support/paths';

export const FIREFOX_PATH =
  process.env.FIREFOX_PATH ?? ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path) => existsSync(path)) ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output', 'firefox-mv3');
export const ADDON_ID = 'siar@siar.id';
/**
 * Firefox gives each add-on a random internal UUID (its moz-extension:// host) at install;
 * `extensions.webextensions.uuids` fixes it beforehand, so the test knows the popup's address.
 */
export const ADDON_UUID = '5a1a2b3c-0d0e-4f00-8a00-51a251a251a2';
export const extensionUrl = (path: string) => `moz-extension://${ADDON_UUID}/${path}`;

export interface LaunchedFirefox {
  browser: Browser;
}

/** Stock Firefox ESR over WebDriver BiDi (no geckodriver, no patched build), with Siar installed. */
export async function launchFirefoxWithSiar(): Promise<LaunchedFirefox> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Without it the remote agent refuses to navigate a tab to a moz-extension:// page.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    },
  });
  // BiDi webExtension.install: a temporary add-on, as `about:debugging` would load it.
  const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (id !== ADDON_ID) throw new Error(`Firefox installed the add-on as ${id}, not ${ADDON_ID}`);
  return { browser };
}

/**
 * Opens one of Siar's pages in a new tab. Firefox moves the tab into the extension process on
 * this navigation and the BiDi navigation never reports its end, so wait for the page itself.
 * A wait that runs while the tab changes process can fail inside Firefox's remote agent
 * ("script.evaluate: unknown error", seen in a clean-clone run): waiting again is right then;
 * only the deadline ends it.
 */
export async function openExtensionPage(browser: Browser, path: string, readySelector: string): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(extensionUrl(path)).catch(() => undefined);
  await waitForShown(page, readySelector);
  return page;
}

/** `page.waitForSelector`, waiting again after a failure inside Firefox's remote agent (see above). */
export async function waitForShown(page: Page, selector: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await page.waitForSelector(selector, { timeout: Math.max(1_000, deadline - Date.now()) });
      return;
    } catch (error) {
      if (error instanceof TimeoutError || Date.now() >= deadline) throw error;
    }
  }
}
