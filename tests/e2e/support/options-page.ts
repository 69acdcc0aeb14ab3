import type { BrowserContext, Page } from '@playwright/test';

export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.locator('.options h1').waitFor();
    return new OptionsPage(page);
  }

  /** Adds a feed through the form; "Add" test-fetches it first, and saves it when it works. */
  async addFeed(url: string, fields: { publicKey?: string } = {}): Promise<void> {
    await this.fillFeed(url, fields);
    await this.page.locator('.add-feed button[type="submit"]').click();
    await this.page.locator(`[data-siar-subscription="${url}"]`).waitFor();
  }

  async fillFeed(url: string, fields: { publicKey?: string; name?: string; timezone?: string; hashtags?: string } = {}): Promise<void> {
    await this.page.locator('.add-feed input[name="feed-url"]').fill(url);
    await this.page.locator('.add-feed input[name="feed-public-key"]').fill(fields.publicKey ?? '');
    if (fields.name !== undefined || fields.timezone !== undefined || fields.hashtags !== undefined) {
      const more = this.page.locator('.add-feed details.add-feed-more');
      if (!(await more.evaluate((node) => (node as HTMLDetailsElement).open))) await more.locator('summary').click();
      if (fields.name !== undefined) await this.page.locator('.add-feed input[name="feed-name"]').fill(fields.name);
      if (fields.timezone !== undefined) await this.page.locator('.add-feed select[name="feed-timezone"]').selectOption(fields.timezone);
      if (fields.hashtags !== undefined) await this.page.locator('.add-feed input[name="feed-hashtags"]').fill(fields.hashtags);
    }
  }

  /** "Test the feed": resolves with the result block once it is shown. */
  async testFeed() {
    await this.page.locator('.add-feed [data-feed-test-button]').click();
    const result = this.page.locator('.add-feed [data-feed-test]');
    await result.waitFor();
    return result;
  }

  async setReporter(reporter: { id: string; name: string; unit: string }): Promise<void> {
    await this.page.locator('input[name="reporter-id"]').fill(reporter.id);
    await this.page.locator('input[name="reporter-name"]').fill(reporter.name);
    await this.page.locator('input[name="reporter-unit"]').fill(reporter.unit);
    await this.page.locator('#identity-heading ~ form button[type="submit"]').click();
    await this.page.locator('#identity-heading ~ form [role="status"]').waitFor();
  }
}

export async function setLanguage(options: OptionsPage, language: 'auto' | 'id' | 'en'): Promise<void> {
  await options.page.locator('.options-header select').selectOption(language);
  await options.page.locator(`html[lang="${language === 'en' ? 'en' : 'id'}"]`).waitFor();
}

/** The user names their Mastodon instance in the options page. */
export async function addMastodonInstance(options: OptionsPage, instance: string): Promise<void> {
  await options.page.locator('input[name="mastodon-instance"]').fill(instance);
  await options.page.locator('.add-instance button[type="submit"]').click();
  await options.page.locator('#mastodon-heading ~ ul li', { hasText: new URL(instance).host }).waitFor();
}
