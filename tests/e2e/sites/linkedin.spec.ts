import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIVITY } from '../../fixtures/sites/linkedin/api';
import { demoCaption } from '../support/demo-caption';
import { expect, test } from '../support/fixtures';
import { SCREENSHOT_DIR } from '../support/paths';
import { onlyStoredReport, serveSite, shareFromPopup, SiarOnSite } from '../support/site-fixtures';

const ITEM = 'tantangan-gpr-digital';
const PERMALINK = `https://www.linkedin.com/feed/update/${ACTIVITY}/`;
// LinkedIn enforces Trusted Types: Siar's content script must work under it.
const TRUSTED_TYPES = { 'content-security-policy': "require-trusted-types-for 'script'" };
type QuillWindow = Window & { __fixture?: { quillText(): string | null; caretAtEnd(): boolean } };
const quillText = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as QuillWindow).__fixture?.quillText() ?? null);

// `interop`: the share box inside #interop-outlet's open shadow root (live since May 2026); `classic`: in the page.
for (const variant of ['interop', 'classic'] as const) {
  test(`LinkedIn (${variant}): Quill 1 holds the multi-line caption (getText), the toast links to the post`, async ({ siar, server }) => {
    await serveSite(siar.context, 'linkedin', ['https://www.linkedin.com'], { documentHeaders: TRUSTED_TYPES });
    const page = await siar.context.newPage();
    await page.goto(`https://www.linkedin.com/feed/?variant=${variant}`);
    await page.getByText('Start a post').click();
    const site = new SiarOnSite(page);
    // Siar's button goes by the share box, wherever LinkedIn renders it.
    await expect(page.locator('.share-box siar-root')).toHaveCount(1);
    if (variant === 'interop') expect(await page.evaluate(() => document.querySelector('.share-box'))).toBeNull();
    await site.insert(ITEM);
    const caption = demoCaption(server.origin, ITEM, 'linkedin');
    // Quill's text always ends with its own final "\n".
    await expect.poll(() => quillText(page)).toBe(`${caption}\n`);
    expect(await page.evaluate(() => (window as unknown as QuillWindow).__fixture?.caretAtEnd())).toBe(true);
    await expect(site.status()).toHaveClass(/ok/);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `site-linkedin-${variant}.png`) });

    await page.locator('button.share-actions__primary-action').click();
    await expect(page.locator('.artdeco-toast-item')).toContainText('Post successful.');
    expect(await onlyStoredReport(server)).toMatchObject({ item_id: ITEM, platform: 'linkedin', status: 'published', method: 'composer', post_url: PERMALINK });
  });

  test(`LinkedIn (${variant}): the prefilled share box opened from the popup is reported as \`intent\``, async ({ siar, server }) => {
    await serveSite(siar.context, 'linkedin', ['https://www.linkedin.com'], { documentHeaders: TRUSTED_TYPES });
    if (variant === 'classic') {
      // The share page Siar opens carries no variant: serve the classic page for it.
      await siar.context.addInitScript(() => {
        if (location.hostname === 'www.linkedin.com' && !location.search.includes('variant=')) history.replaceState(null, '', `${location.pathname}${location.search}&variant=classic`);
      });
    }
    const page = await shareFromPopup(siar, server, ITEM, 'linkedin', 'https://www.linkedin.com/feed/');
    await expect.poll(() => quillText(page)).toBe(`${demoCaption(server.origin, ITEM, 'linkedin')}\n`);
    await expect(page.locator('siar-root')).toHaveCount(1);
    await page.locator('button.share-actions__primary-action').click();
    expect(await onlyStoredReport(server)).toMatchObject({ platform: 'linkedin', method: 'intent', post_url: PERMALINK });
  });
}
