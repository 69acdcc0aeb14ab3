import type { BrowserContext, CDPSession } from '@playwright/test';
import { EventEmitter } from 'node:events';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { launchWithExtension, type LaunchedExtension } from './launch';
import { clearSiarPolicy, policyWrites, writeSiarPolicy } from './policy';

/**
 * One Chromium per Playwright worker, kept from test to test (issue 14: a browser start is
 * seconds on 2 loaded cores, and most tests need no fresh profile). A test gets the browser of
 * the test before only when it would have been launched the same way: the same managed policy
 * (the servers of each worker listen on the same ports from test to test, so the feed URLs in
 * it do not change), the same colour scheme, no policy written by anyone else meanwhile, and
 * the test before passed. Otherwise the old browser goes and a new one starts, as before.
 *
 * Between two tests Siar is set back to a fresh install: every page closed, its alarms,
 * storage (local, session, sync), IndexedDB, host permissions granted at run time and the
 * browser's cache and cookies cleared, its badge, notifications and run-time content scripts
 * removed; then its service worker is stopped and started again through CDP, so that its top
 * level runs from nothing, as after a launch. (chrome.runtime.reload is no way: a reloaded
 * --load-extension build comes back after seconds, or not at all.) A share left in the new
 * worker's database makes that test start a fresh browser instead.
 */

interface LaunchKey {
  policy: string | null;
  colorScheme: 'light' | 'dark';
}

type ChromeGlobal = {
  chrome: {
    alarms: { clearAll(): Promise<boolean> };
    notifications: { getAll(): Promise<Record<string, boolean>>; clear(id: string): Promise<boolean> };
    action: { setBadgeText(details: { text: string }): Promise<void> };
    scripting: {
      getRegisteredContentScripts(): Promise<{ id: string }[]>;
      unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
    };
    storage: Record<'local' | 'session' | 'sync', { clear(): Promise<void> } | undefined>;
    permissions: {
      getAll(): Promise<{ origins?: string[] }>;
      remove(permissions: { origins: string[] }): Promise<boolean>;
    };
  };
};

export class BrowserPool {
  private current: { launched: LaunchedExtension; key: string; policyWrites: number } | null = null;
  /** Origins the current browser's pages went to: their cookies, storage and cache go between tests. */
  private readonly origins = new Set<string>();
  private readonly watched = new WeakSet<BrowserContext>();
  /** How many tests got the browser of the test before (for the run's log). */
  reused = 0;
  launched = 0;

  /** Two ports for this worker's servers (reference server, fault proxy), the same for every test. */
  static async freePorts(count: number): Promise<number[]> {
    const ports: number[] = [];
    const servers = await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
            const server = createServer();
            server.once('error', reject);
            server.listen(0, '127.0.0.1', () => resolve(server));
          }),
      ),
    );
    for (const server of servers) {
      ports.push((server.address() as { port: number }).port);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    return ports;
  }

  /** Siar as a fresh install, configured through `policy` (null: no managed policy). */
  async acquire(policy: Record<string, unknown> | null, options: { colorScheme: 'light' | 'dark' }): Promise<LaunchedExtension> {
    const key = JSON.stringify({ policy: policy === null ? null : JSON.stringify(policy), colorScheme: options.colorScheme } satisfies LaunchKey);
    if (this.current && this.current.key === key && this.current.policyWrites === policyWrites()) {
      const launched = this.current.launched;
      try {
        await this.resetToFreshInstall(launched);
        this.reused++;
        this.watch(launched.context);
        return launched;
      } catch (error) {
        console.warn(`browser pool: a fresh browser instead, the reset failed (${(error as Error).message.split('\n')[0]})`);
      }
    }
    await this.release();
    if (policy !== null) writeSiarPolicy(policy);
    const launched = await launchWithExtension(undefined, { colorScheme: options.colorScheme });
    this.current = { launched, key, policyWrites: policyWrites() };
    this.launched++;
    this.watch(launched.context);
    return launched;
  }

  /** The test is over: its pages go; its browser stays for the next test only if the test passed. */
  async afterTest(passed: boolean): Promise<void> {
    if (!this.current) return;
    if (!passed) return this.release();
    await Promise.all(this.current.launched.context.pages().map((page) => page.close().catch(() => undefined)));
  }

  /** Closes the browser, removes its profile and this worker's policy file. */
  async release(): Promise<void> {
    const current = this.current;
    this.current = null;
    this.origins.clear();
    if (!current) return;
    await current.launched.context.close().catch(() => undefined);
    rmSync(current.launched.userDataDir, { recursive: true, force: true });
    if (current.key.includes('"policy":"')) clearSiarPolicy();
  }

  private watch(context: BrowserContext): void {
    if (this.watched.has(context)) return;
    this.watched.add(context);
    const note = (url: string) => {
      if (/^(https?|chrome-extension):/.test(url)) this.origins.add(new URL(url).origin);
    };
    context.on('page', (page) => page.on('framenavigated', (frame) => note(frame.url())));
    context.on('request', (request) => note(request.url()));
  }

  private async resetToFreshInstall(launched: LaunchedExtension): Promise<void> {
    const { context, extensionId, worker } = launched;
    await Promise.all(context.pages().map((page) => page.close()));
    const blank = await context.newPage();
    const cdp = await context.newCDPSession(blank);
    try {
      const status = await workerStatus(cdp);
      // The old worker: what lives outside its storage goes first, its storage last, then it is
      // stopped at once, so that none of its work in flight can write after the clearing.
      await worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as ChromeGlobal;
        await chrome.alarms.clearAll();
        for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
        await chrome.action.setBadgeText({ text: '' });
        const scripts = await chrome.scripting.getRegisteredContentScripts();
        if (scripts.length > 0) await chrome.scripting.unregisterContentScripts({ ids: scripts.map((script) => script.id) });
        // Required origins (the manifest's, the content scripts') refuse to go; the rest were granted.
        for (const origin of (await chrome.permissions.getAll()).origins ?? []) await chrome.permissions.remove({ origins: [origin] }).catch(() => false);
        await Promise.all((['local', 'session', 'sync'] as const).map((area) => chrome.storage[area]?.clear()));
      });
      await cdp.send('ServiceWorker.stopAllWorkers');
      await status.reach('stopped');
      // With the worker stopped nothing holds Siar's IndexedDB open. Not `all` for Siar's own
      // origin: that would unregister its service worker.
      await cdp.send('Storage.clearDataForOrigin', { origin: `chrome-extension://${extensionId}`, storageTypes: 'indexeddb,local_storage,cache_storage,file_systems' });
      for (const origin of this.origins) await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
      this.origins.clear();
      await cdp.send('Network.clearBrowserCache');
      await cdp.send('Network.clearBrowserCookies');
      // Started again as the browser starts it: its top level runs from nothing.
      await cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${extensionId}/` });
      await status.reach('running');
    } finally {
      await cdp.detach().catch(() => undefined);
    }
    // A fresh install has no share: one left over would mean the reset did not reach it.
    const leftover = await worker.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          void indexedDB.databases().then((databases) => {
            if (!databases.some((db) => db.name === 'siar')) return resolve(0);
            const open = indexedDB.open('siar');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('shares')) {
                db.close();
                return resolve(0);
              }
              const count = db.transaction('shares').objectStore('shares').count();
              count.onsuccess = () => {
                db.close();
                resolve(count.result);
              };
              count.onerror = () => reject(count.error);
            };
          }, reject);
        }),
    );
    if (leftover > 0) throw new Error(`${leftover} share(s) survived the reset`);
  }
}

/** Siar's service worker status, from the CDP ServiceWorker domain of a page session. */
async function workerStatus(cdp: CDPSession): Promise<{ reach(status: string): Promise<void> }> {
  let current = 'unknown';
  const changed = new EventEmitter();
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const version of event.versions) {
      if (!version.scriptURL.endsWith('/background.js')) continue;
      current = version.runningStatus;
      changed.emit('status');
    }
  });
  await cdp.send('ServiceWorker.enable');
  return {
    reach: (status) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (current !== status) return;
          clearTimeout(timer);
          changed.off('status', check);
          resolve();
        };
        const timer = setTimeout(() => {
          changed.off('status', check);
          reject(new Error(`Siar's service worker is ${current}, not ${status}`));
        }, 15_000);
        changed.on('status', check);
        check();
      }),
  };
}
