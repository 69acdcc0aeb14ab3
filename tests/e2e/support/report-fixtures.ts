import type { Locator, Page } from '@playwright/test';
import { test as base } from './fixtures';
import { FaultProxy } from './fault-proxy';
import { launchWithExtension, type LaunchedExtension } from './launch';
import type { PopupPage } from './popup-page';

/**
 * Specs of the report protocol under faults (issue 5): Siar subscribes to the feed
 * through a FaultProxy, so that its reports meet whatever fault a test sets, while the
 * real reference server behind it stores what reaches it in SQLite.
 */
export const test = base.extend<{ faults: FaultProxy }>({
  faults: async ({ server }, use) => {
    const proxy = await FaultProxy.start(server.origin);
    await use(proxy);
    await proxy.down();
  },
  feedUrl: async ({ faults }, use) => use(`${faults.origin}/feed.json`),
});

export { expect } from './fixtures';

/**
 * Closes the browser and starts it again on the same profile. The fixture's object
 * is updated in place, so that its teardown closes the new browser.
 */
export async function relaunch(siar: LaunchedExtension): Promise<LaunchedExtension> {
  await siar.context.close();
  const again = await launchWithExtension(siar.userDataDir);
  return Object.assign(siar, again);
}

export function outboxSection(popup: PopupPage): Locator {
  return popup.page.locator('section.outbox');
}

/** "Kirim sekarang", as the user presses it; resolves once the background has tried. */
export async function sendReportsNow(popup: PopupPage): Promise<void> {
  const button = outboxSection(popup).getByRole('button', { name: /^(Kirim sekarang|Send now)$/ });
  await button.click();
  // The button says "Mengirim…" until the background has answered, or goes when nothing waits.
  await popup.page.waitForFunction(() => !document.querySelector('section.outbox button[disabled]'));
}

/** The history page (history.html) and its PROTOCOL §5 hooks. */
export class HistoryPage {
  private constructor(readonly page: Page) {}

  static async open(page: Page, extensionId: string): Promise<HistoryPage> {
    await page.goto(`chrome-extension://${extensionId}/history.html`);
    await page.locator('main.history[aria-busy="false"]').waitFor();
    return new HistoryPage(page);
  }

  rows(): Locator {
    return this.page.locator('[data-siar-history-row]');
  }

  async hooks(): Promise<{ item: string; platform: string; status: string }[]> {
    return this.rows().evaluateAll((rows) =>
      rows.map((row) => ({
        item: row.getAttribute('data-item') ?? '',
        platform: row.getAttribute('data-platform') ?? '',
        status: row.getAttribute('data-status') ?? '',
      })),
    );
  }
}
