import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { OptionsPage } from '../support/options-page';
import { SCREENSHOT_DIR } from '../support/paths';
import { PopupPage } from '../support/popup-page';
import { serveSite, SiarOnSite } from '../support/site-fixtures';

const ITEM = 'tantangan-gpr-digital';
const TRUSTED_TYPES = { 'content-security-policy': "require-trusted-types-for 'script'" };

test('Site check: a LinkedIn whose composer changed fails three times in a row; Siar says so on the site, in the popup and in options, until it works again', async ({ siar }) => {
  await serveSite(siar.context, 'linkedin', ['https://www.linkedin.com'], { documentHeaders: TRUSTED_TYPES });
  const page = await siar.context.newPage();
  // The fixture broken on purpose: LinkedIn renamed its editor's class.
  await page.goto('https://www.linkedin.com/feed/?variant=broken');
  await page.getByText('Start a post').click();
  const site = new SiarOnSite(page);
  const warning = page.locator('siar-root [data-siar-site-warning]');
  for (let attempt = 1; attempt <= 3; attempt++) {
    await expect(warning).toHaveCount(0);
    await site.insert(ITEM);
    await expect(site.status()).toHaveClass(/error/);
  }
  await expect(warning).toContainText('LinkedIn');
  await expect(warning).toHaveAttribute('role', 'alert');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'site-linkedin-outdated.png') });

  const popup = await PopupPage.open(siar.context, siar.extensionId);
  await expect(popup.page.locator('[data-siar-site-warning="linkedin"]')).toContainText('LinkedIn');
  // The fallback stays one click: the item's copy and share controls are there.
  await expect(popup.item(ITEM).locator('[data-siar-copy]')).toBeVisible();
  await expect(popup.item(ITEM).locator('[data-siar-share="linkedin"]')).toBeVisible();
  await popup.page.screenshot({ path: join(SCREENSHOT_DIR, 'popup-site-outdated.png') });

  const options = await OptionsPage.open(siar.context, siar.extensionId);
  const row = options.page.locator('[data-siar-site-health-row="linkedin"]');
  await expect(row.locator('[data-step="composer"]')).toHaveText(/^0\/3/);
  await expect(row.locator('[data-step="composer"]')).toHaveClass(/failing/);
  await options.page.locator('[data-siar-site-health]').scrollIntoViewIfNeeded();
  await options.page.screenshot({ path: join(SCREENSHOT_DIR, 'options-site-health.png'), fullPage: true });

  // LinkedIn as it is today: the composer is found again, the warning goes.
  await page.goto('https://www.linkedin.com/feed/?variant=interop');
  await page.getByText('Start a post').click();
  await expect(warning).toContainText('LinkedIn');
  await site.insert(ITEM);
  await expect(site.status()).toHaveClass(/ok/);
  await expect(warning).toHaveCount(0);
  await expect(popup.page.locator('[data-siar-site-warning]')).toHaveCount(0);
  await expect(row.locator('[data-step="composer"]')).toHaveText(/^1\/4/);
  await expect(row.locator('[data-step="caption"]')).toHaveText(/^1\/1/);
});
