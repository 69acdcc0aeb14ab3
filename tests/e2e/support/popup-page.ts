import type { BrowserContext, Locator, Page } from '@playwright/test';

/** The popup, opened as a tab (a headless browser has no toolbar to click). */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<PopupPage> {
    const page = await context.newPage();
    await page.setViewportSize({ width: 420, height: 700 });
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return new PopupPage(page);
  }

  items(): Locator {
    return this.page.locator('[data-siar-item]');
  }

  item(id: string): Locator {
    return this.page.locator(`[data-siar-item="${id}"]`);
  }

  async itemIds(): Promise<string[]> {
    return this.items().evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-siar-item') ?? ''));
  }

  feedStatus(feedUrl: string): Locator {
    return this.page.locator(`[data-siar-status][data-siar-feed="${feedUrl}"]`);
  }

  outbox(): Locator {
    return this.page.locator('[data-siar-outbox]');
  }

  /** "I shared it" on one platform, with an optional link to the post. */
  async confirmShared(itemId: string, platform: string, postUrl?: string): Promise<void> {
    const item = this.item(itemId);
    await item.locator('details.confirm > summary').click();
    if (postUrl) await item.locator('details.confirm input[type="url"]').fill(postUrl);
    await item.locator(`[data-siar-confirm="${platform}"]`).click();
  }
}
