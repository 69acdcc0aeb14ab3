import type { BrowserContext, Page } from '@playwright/test';

export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.locator('.options h1').waitFor();
    return new OptionsPage(page);
  }

  async addFeed(url: string): Promise<void> {
    await this.page.locator('.add-feed input[type="url"]').fill(url);
    await this.page.locator('.add-feed button[type="submit"]').click();
    await this.page.locator(`[data-siar-subscription="${url}"]`).waitFor();
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
