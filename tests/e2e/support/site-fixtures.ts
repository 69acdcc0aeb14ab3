import type { BrowserContext, Page, Request, Worker } from '@playwright/test';
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

/**
 * Serves the look-alike pages of tests/fixtures/sites/<site>/ at a site's real
 * origins. The page's script is bundled at test time with esbuild from the real
 * editor library (into tests/fixtures/sites/.build/, ignored by git).
 */

export const FIXTURES_DIR = join(ROOT, 'tests', 'fixtures', 'sites');
const BUILD_DIR = join(FIXTURES_DIR, '.build');

export interface FakeApiRequest {
  url: URL;
  method: string;
  /** The page that made the request. */
  pageUrl: string | null;
  body: unknown;
}

export type FakeApi = (request: FakeApiRequest) => { status?: number; json: unknown } | null;

const bundles = new Map<string, Promise<string>>();

export function fixtureBundle(site: string): Promise<string> {
  let bundle = bundles.get(site);
  if (!bundle) {
    const dir = join(FIXTURES_DIR, site);
    const entry = ['app.jsx', 'app.js'].map((name) => join(dir, name)).find(existsSync);
    if (!entry) throw new Error(`No app.js(x) in ${dir}`);
    bundle = build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'iife',
      jsx: 'automatic',
      target: 'chrome120',
      define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
      logLevel: 'error',
    }).then((result) => {
      const code = result.outputFiles[0]!.text;
      mkdirSync(BUILD_DIR, { recursive: true });
      writeFileSync(join(BUILD_DIR, `${site}.js`), code);
      return code;
    });
    bundles.set(site, bundle);
  }
  return bundle;
}

function requestBody(request: Request): unknown {
  const text = request.postData();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

/** Serves `site`'s page for every document under `origins`, its bundle, and its fake API. */
export async function serveSite(
  context: BrowserContext,
  site: string,
  origins: readonly string[],
  options: { apiOrigins?: readonly string[]; html?: string; documentHeaders?: Record<string, string> } = {},
): Promise<void> {
  const html = options.html ?? readFileSync(join(FIXTURES_DIR, site, 'index.html'), 'utf8');
  const apiFile = join(FIXTURES_DIR, site, 'api.ts');
  const api: FakeApi | null = existsSync(apiFile) ? ((await import(apiFile)) as { api: FakeApi }).api : null;
  const bundle = await fixtureBundle(site);
  for (const origin of [...origins, ...(options.apiOrigins ?? [])]) {
    await context.route(`${origin}/**`, async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS });
      if (url.pathname === '/__fixture/app.js') {
        return route.fulfill({ body: bundle, contentType: 'application/javascript; charset=utf-8' });
      }
      let pageUrl: string | null = null;
      try {
        pageUrl = request.frame().url();
      } catch {
        pageUrl = null;
      }
      const answer = api?.({ url, method: request.method(), pageUrl, body: requestBody(request) });
      if (answer) {
        return route.fulfill({ status: answer.status ?? 200, headers: CORS, contentType: 'application/json', body: JSON.stringify(answer.json) });
      }
      if (request.resourceType() === 'document') {
        return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8', headers: options.documentHeaders });
      }
      return route.fulfill({ status: 404, body: '' });
    });
  }
}

/** Siar's UI on a site, through its PROTOCOL §5 hooks (Playwright pierces open shadow roots). */
export class SiarOnSite {
  constructor(readonly page: Page) {}

  root() {
    return this.page.locator('siar-root');
  }

  launcher() {
    return this.page.locator('siar-root [data-siar-launcher]');
  }

  insertButton(itemId: string) {
    return this.page.locator(`siar-root [data-siar-insert="${itemId}"]`);
  }

  status() {
    return this.page.locator('siar-root .status');
  }

  /** Opens today's list (the background may still be fetching the feed: reopen until it shows). */
  async openList(itemId: string): Promise<void> {
    const { expect } = await import('@playwright/test');
    await expect(async () => {
      if ((await this.launcher().getAttribute('aria-expanded')) === 'true') await this.launcher().click();
      await this.launcher().click();
      await expect(this.insertButton(itemId)).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 30_000 });
  }

  async insert(itemId: string): Promise<void> {
    await this.openList(itemId);
    await this.insertButton(itemId).click();
  }
}

type ChromeGlobal = { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } };

/**
 * The reports of every share in the extension's own history: the rows of its IndexedDB
 * (`siar`, store `shares`, lib/reports/share-db.ts), read in its service worker. (This read
 * `storage.local`'s `shares` until the history moved to IndexedDB, and then always found none.)
 */
export function localShares(worker: Worker): Promise<Record<string, unknown>[]> {
  return worker.evaluate(
    () =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('siar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('shares')) return resolve([]);
          const all = db.transaction('shares').objectStore('shares').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => resolve((all.result as { report: Record<string, unknown> }[]).map((row) => row.report));
        };
      }),
  );
}

/** A share the test itself confirms last, as a marker: see `expectNothingReportedBefore`. */
const MARKER = { itemId: 'saik-2019-pembukaan', platform: 'tiktok' } as const;

/**
 * "Nothing was reported", proven without a sleep: the user then confirms another share by
 * hand, and the test waits for that marker at the office. The background records shares
 * one by one and sends the outbox in order, so a share that Siar had wrongly recorded for
 * what happened before would be in the extension's history and at the office by then.
 */
export async function expectNothingReportedBefore(
  siar: { context: BrowserContext; worker: Worker; extensionId: string },
  server: { feedUrl: string; storedRows(): Record<string, unknown>[] },
): Promise<void> {
  const { expect } = await import('@playwright/test');
  await waitForFeed(siar.worker, server.feedUrl);
  await sendFromExtensionPage(siar.context, siar.extensionId, 'popupConfirmShare', {
    feedUrl: server.feedUrl,
    itemId: MARKER.itemId,
    platform: MARKER.platform,
    postUrl: null,
  });
  await expect.poll(() => server.storedRows().length, { timeout: 20_000 }).toBeGreaterThan(0);
  expect(server.storedRows().map((row) => [row.item_id, row.platform])).toEqual([[MARKER.itemId, MARKER.platform]]);
  expect((await localShares(siar.worker)).map((report) => [report.item_id, report.platform])).toEqual([[MARKER.itemId, MARKER.platform]]);
}

type RuntimeGlobal = { chrome: { runtime: { sendMessage(message: unknown): Promise<{ res?: unknown; err?: unknown }> } } };

/**
 * Sends a message to the background from one of Siar's own pages, in the wire format of
 * @webext-core/messaging: how the popup's share controls reach `openShare`.
 */
export async function sendFromExtensionPage(context: BrowserContext, extensionId: string, type: string, data: unknown): Promise<unknown> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const answer = await page.evaluate(
      ({ type, data }) => (globalThis as unknown as RuntimeGlobal).chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }),
      { type, data },
    );
    if (answer?.err) throw new Error(`The background refused ${type}: ${JSON.stringify(answer.err)}`);
    return answer?.res;
  } finally {
    await page.close();
  }
}

type LexicalFixture = Window & { __fixture?: { state(): { text: string; paragraphs: string[]; caretAtEnd: boolean } | null } };

/** Lexical's own state in a fixture page (Facebook, Threads, WhatsApp); null until its script ran. */
export function lexicalState(page: Page) {
  return page.evaluate(() => (window as unknown as LexicalFixture).__fixture?.state() ?? null);
}

/** The tab that the background opened on `origin`. */
export async function openedTab(context: BrowserContext, origin: string): Promise<Page> {
  const { expect } = await import('@playwright/test');
  let found: Page | undefined;
  await expect
    .poll(() => (found = context.pages().find((page) => page.url().startsWith(origin))) !== undefined, { timeout: 15_000 })
    .toBe(true);
  return found!;
}

/** Waits until the background has today's feed in its cache (it fetches it after start). */
export async function waitForFeed(worker: Worker, feedUrl: string): Promise<void> {
  const { expect } = await import('@playwright/test');
  await expect
    .poll(
      () =>
        worker.evaluate(async (url) => {
          const { chrome } = globalThis as unknown as ChromeGlobal;
          const cache = (await chrome.storage.local.get('feedCache')).feedCache as Record<string, { feed: unknown }> | undefined;
          return Boolean(cache?.[url]?.feed);
        }, feedUrl),
      { timeout: 30_000 },
    )
    .toBe(true);
}

/**
 * The popup's share control for `platform` (its UI for every platform comes with the popup's
 * own issue; here through the same message): returns the tab the background opened.
 */
export async function shareFromPopup(
  siar: { context: BrowserContext; worker: Worker; extensionId: string },
  server: { feedUrl: string },
  itemId: string,
  platform: string,
  tabUrlPrefix: string,
): Promise<Page> {
  await waitForFeed(siar.worker, server.feedUrl);
  await sendFromExtensionPage(siar.context, siar.extensionId, 'popupOpenShare', { feedUrl: server.feedUrl, itemId, platform, variantOffset: 0 });
  return openedTab(siar.context, tabUrlPrefix);
}

/** The one report the reference server stored (SQLite), once it is there. */
export async function onlyStoredReport(server: { storedRows(): Record<string, unknown>[] }): Promise<Record<string, unknown>> {
  const { expect } = await import('@playwright/test');
  await expect.poll(() => server.storedRows().length, { timeout: 20_000 }).toBe(1);
  return server.storedRows()[0]!;
}
