import { expect, type Locator, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { closeServer, test as base } from './fixtures';
import { FaultProxy } from './fault-proxy';
import { launchWithExtension, type LaunchedExtension } from './launch';
import type { PopupPage } from './popup-page';
import { startTestServer } from './reference-server';

/**
 * Specs of the report protocol under faults (issue 5): Siar subscribes to the feed
 * through a FaultProxy, so that its reports meet whatever fault a test sets, while the
 * real reference server behind it stores what reaches it in SQLite.
 */
export const test = base.extend<{ faults: FaultProxy; serverTokens: string[] | undefined }>({
  /** Bearer tokens the reference server asks for (none by default). */
  serverTokens: [undefined, { option: true }],
  server: async ({ serverTokens, workerPorts }, use) => {
    const server = await startTestServer({ tokens: serverTokens, port: workerPorts.server });
    await use(server);
    await closeServer(server);
    rmSync(server.dataDir, { recursive: true, force: true });
  },
  faults: async ({ server, workerPorts }, use) => {
    const proxy = await FaultProxy.start(server.origin, workerPorts.proxy);
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
  // Right after a browser start, Chromium can take seconds to answer storage.managed.
  await popup.page.locator('main.popup[aria-busy="false"]').waitFor();
  const button = outboxSection(popup).getByRole('button', { name: /^(Kirim sekarang|Send now)$/ });
  try {
    await button.click({ timeout: 10_000 });
  } catch (error) {
    // An alarm may have sent everything meanwhile: then there is nothing to press.
    if ((await popup.outbox().textContent())?.includes('(0)')) return;
    throw error;
  }
  // The button says "Mengirim…" until the background has answered, or goes when nothing waits.
  await popup.page.waitForFunction(() => !document.querySelector('section.outbox button[disabled]'));
}

/** The history page (shares.html) and its docs/protocol.md §5 hooks. */
export class HistoryPage {
  private constructor(readonly page: Page) {}

  static async open(page: Page, extensionId: string): Promise<HistoryPage> {
    await page.goto(`chrome-extension://${extensionId}/shares.html`);
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

/** The little of `chrome.*` that specs call inside the extension's worker. */
export interface ExtensionGlobal {
  chrome: {
    storage: {
      local: {
        get(key: string): Promise<Record<string, unknown>>;
        set(items: Record<string, unknown>): Promise<void>;
      };
    };
  };
}

export interface SeedShare {
  itemId: string;
  title: string;
  platform: string;
  status: 'published' | 'confirmed';
  delivery: 'pending' | 'delivered' | 'failed' | 'local';
  sharedAt: string;
  postUrl?: string | null;
  reason?: string | null;
}

/**
 * Puts shares where builds before the shares database kept them (one storage.local
 * item), then restarts the browser: Siar moves them into IndexedDB on start. This
 * is how the e2e suite gets a history with every status, or 10,000 waiting reports,
 * without a test-only door in the extension.
 */
export async function seedLegacyShares(siar: LaunchedExtension, feedUrl: string, reportUrl: string, shares: SeedShare[]): Promise<string[]> {
  const records = shares.map((share) => ({
    report: {
      id: crypto.randomUUID(),
      feed_url: feedUrl,
      item_id: share.itemId,
      item_url: `${new URL(feedUrl).origin}/demo/artikel/${share.itemId}`,
      platform: share.platform,
      status: share.status,
      method: share.status === 'published' ? 'composer' : 'manual',
      post_url: share.postUrl ?? null,
      shared_at: share.sharedAt,
      reporter: { id: '198703122010011001', name: 'Budi Santoso', unit: 'Diskominfo Kota Pangkalpinang' },
      client: { name: 'siar', version: '0.1.0' },
    },
    title: share.title,
    receiver: share.delivery === 'local' ? null : reportUrl,
    delivery: share.delivery,
    reason: share.reason ?? null,
    attempts: share.delivery === 'pending' ? 0 : 1,
    nextAttemptAt: 0,
    deliveredAt: share.delivery === 'delivered' ? new Date().toISOString() : null,
  }));
  // The worker's own start (which moves old shares over, then writes the outbox summary) must
  // be done first, or it could remove the seed it never read.
  await expect
    .poll(() => siar.worker.evaluate(async () => 'outboxSummary' in (await (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get('outboxSummary'))))
    .toBe(true);
  await siar.worker.evaluate(async (value) => {
    await (globalThis as unknown as ExtensionGlobal).chrome.storage.local.set({ shares: value, shares$: { v: 1 } });
  }, records);
  await relaunch(siar);
  return records.map((record) => record.report.id);
}
