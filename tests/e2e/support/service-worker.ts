import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { EventEmitter } from 'node:events';

/**
 * Siar's service worker seen and stopped through CDP (`ServiceWorker` domain on a
 * session of one of Siar's pages), as Chrome stops an idle worker: its fetches die
 * with it. Chromium 156 headless: `ServiceWorker.stopAllWorkers` works from a page
 * session; Playwright's Worker object stays usable once the worker is started again.
 */
export class ServiceWorkerControl {
  private status = 'unknown';
  private readonly changes = new EventEmitter();

  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const version of event.versions) {
        if (!version.scriptURL.endsWith('/background.js')) continue;
        this.status = version.runningStatus;
        this.changes.emit('status');
      }
    });
  }

  static async attach(context: BrowserContext, extensionId: string): Promise<ServiceWorkerControl> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/shares.html`);
    const cdp = await context.newCDPSession(page);
    const control = new ServiceWorkerControl(page, cdp);
    await cdp.send('ServiceWorker.enable');
    await control.waitFor(['running', 'starting', 'stopped']);
    return control;
  }

  get runningStatus(): string {
    return this.status;
  }

  async stop(): Promise<void> {
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    await this.waitFor(['stopped']);
  }

  /** Resolves on the CDP event that brings one of `statuses` (or at once if it is there). */
  async waitFor(statuses: string[], timeout = 15_000): Promise<void> {
    if (statuses.includes(this.status)) return;
    await new Promise<void>((resolve, reject) => {
      const onStatus = () => {
        if (!statuses.includes(this.status)) return;
        clearTimeout(timer);
        this.changes.off('status', onStatus);
        resolve();
      };
      const timer = setTimeout(() => {
        this.changes.off('status', onStatus);
        reject(new Error(`the service worker is ${this.status}, not ${statuses.join(' / ')}`));
      }, timeout);
      this.changes.on('status', onStatus);
    });
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
    await this.page.close().catch(() => undefined);
  }
}
