import type { BrowserContext, CDPSession, Page } from '@playwright/test';

/**
 * Siar's service worker seen and stopped through CDP (`ServiceWorker` domain on a
 * session of one of Siar's pages), as Chrome stops an idle worker: its fetches die
 * with it. Chromium 156 headless: `ServiceWorker.stopAllWorkers` works from a page
 * session; Playwright's Worker object stays usable once the worker is started again.
 */
export class ServiceWorkerControl {
  private status = 'unknown';

  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const version of event.versions) {
        if (version.scriptURL.endsWith('/background.js')) this.status = version.runningStatus;
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

  async waitFor(statuses: string[], timeout = 15_000): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!statuses.includes(this.status)) {
      if (Date.now() > deadline) throw new Error(`the service worker is ${this.status}, not ${statuses.join(' / ')}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
    await this.page.close().catch(() => undefined);
  }
}
