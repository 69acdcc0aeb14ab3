import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoCaption } from '../support/demo-caption';
import { expect, test } from '../support/fixtures';
import { SCREENSHOT_DIR } from '../support/paths';
import { onlyStoredReport, serveSite, shareFromPopup, SiarOnSite } from '../support/site-fixtures';

const ITEM = 'saik-2019-pembukaan';
type IgWindow = Window & { __fixture: { caption(): string; file(): { name: string; type: string; size: number } | null } };

test('Instagram (Lexical caption box): opened from the popup; the image goes into the create dialog’s file input, the caption into its box', async ({ siar, server }) => {
  await serveSite(siar.context, 'instagram', ['https://www.instagram.com']);
  const page = await shareFromPopup(siar, server, ITEM, 'instagram', 'https://www.instagram.com/');
  const site = new SiarOnSite(page);
  await expect(site.insertButton(ITEM)).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => (window as unknown as { __fixture?: { variant: string } }).__fixture?.variant)).toBe('lexical');

  await page.locator('[aria-label="New post"]').click();
  await expect(page.getByText('Select from computer')).toBeVisible();
  await site.insert(ITEM);

  // The item's image, fetched by the background from the feed's server.
  await expect.poll(() => page.evaluate(() => (window as unknown as IgWindow).__fixture?.file())).toEqual({
    name: '1.svg',
    type: 'image/svg+xml',
    size: expect.any(Number),
  });
  const caption = demoCaption(server.origin, ITEM, 'instagram');
  expect(caption).toContain('\n');
  await expect.poll(() => page.evaluate(() => (window as unknown as IgWindow).__fixture?.caption())).toBe(caption);
  await expect(page.locator('[role="dialog"] img[alt="Preview"]')).toBeVisible();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'site-instagram.png') });

  await page.locator('[role="dialog"] [role="button"]', { hasText: 'Share' }).click();
  await expect(page.getByText('Your post has been shared.')).toBeVisible();
  expect(await onlyStoredReport(server)).toMatchObject({ item_id: ITEM, platform: 'instagram', status: 'published', method: 'composer', post_url: null });
});

test('Instagram (classic caption box): the aria-label box of ≤2025 takes the caption too', async ({ siar, server }) => {
  await serveSite(siar.context, 'instagram', ['https://www.instagram.com']);
  const page = await siar.context.newPage();
  await page.goto('https://www.instagram.com/?variant=classic');
  await page.locator('[aria-label="New post"]').click();
  const site = new SiarOnSite(page);
  await site.insert(ITEM);
  await expect(page.locator('[role="dialog"] [aria-label="Write a caption..."]')).toBeVisible();
  const caption = demoCaption(server.origin, ITEM, 'instagram');
  await expect.poll(() => page.evaluate(() => (window as unknown as IgWindow).__fixture?.caption())).toBe(caption);
  await page.locator('[role="dialog"] [role="button"]', { hasText: 'Share' }).click();
  await expect(page.getByText('Your post has been shared.')).toBeVisible();
  expect(await onlyStoredReport(server)).toMatchObject({ item_id: ITEM, platform: 'instagram', status: 'published', post_url: null });
});
