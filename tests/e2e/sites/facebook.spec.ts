import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { POST_URL } from '../../fixtures/sites/facebook/api';
import { demoCaption } from '../support/demo-caption';
import { expect, REPORTER, test } from '../support/fixtures';
import { SCREENSHOT_DIR } from '../support/paths';
import { expectNothingReportedBefore, lexicalState, onlyStoredReport, serveSite, shareFromPopup, SiarOnSite } from '../support/site-fixtures';

const ITEM = 'saik-2019-pembukaan';

test('Facebook (modern feed): opened from the popup with the item queued; Lexical holds the multi-line caption; the post is reported with its own link', async ({ siar, server }) => {
  await serveSite(siar.context, 'facebook', ['https://www.facebook.com']);
  const page = await shareFromPopup(siar, server, ITEM, 'facebook', 'https://www.facebook.com/');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __fixture?: { variant: string } }).__fixture?.variant)).toBe('modern');
  const site = new SiarOnSite(page);

  // The tab carries the item: Siar's list opens by itself with it on top, marked.
  await expect(site.insertButton(ITEM)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('siar-root li.queued [data-siar-insert]')).toHaveAttribute('data-siar-insert', ITEM);
  await expect(site.root()).toHaveAttribute('data-floating', '');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'site-facebook-queued.png') });

  await page.getByText('Apa yang Anda pikirkan, Budi?').click();
  await expect(page.locator('[role="dialog"] [data-lexical-editor="true"]')).toBeVisible();
  // Siar's button moves next to the composer in the dialog.
  await expect(page.locator('[role="dialog"] siar-root')).toHaveCount(1);
  await site.insert(ITEM);

  const caption = demoCaption(server.origin, ITEM, 'facebook');
  expect(caption).toContain('\n\n');
  await expect.poll(async () => (await lexicalState(page))?.text).toBe(caption);
  expect((await lexicalState(page))?.caretAtEnd).toBe(true);
  await expect(site.status()).toHaveClass(/ok/);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'site-facebook.png') });

  await page.locator('[role="dialog"] [role="button"][aria-label="Posting"]').click();
  await expect(page.locator('.scrim [role="dialog"]')).toHaveCount(0);
  // No [role=article]; a stranger's post with a real link arrived too: only the user's own post's link counts.
  await expect(page.locator('[aria-label^="Actions for this post"]')).toHaveCount(3);
  await expect(page.locator('[role="article"]')).toHaveCount(0);
  // The composer closed: Siar floats again.
  await expect(site.root()).toHaveAttribute('data-floating', '');
  expect(await onlyStoredReport(server)).toMatchObject({
    item_id: ITEM,
    platform: 'facebook',
    status: 'published',
    method: 'composer',
    post_url: POST_URL,
    reporter_id: REPORTER.id,
  });
});

test('Facebook: a post that Facebook refuses (the dialog stays) is not reported', async ({ siar, server }) => {
  await serveSite(siar.context, 'facebook', ['https://www.facebook.com']);
  const page = await siar.context.newPage();
  await page.goto('https://www.facebook.com/?fail=1&lang=en');
  await page.getByText('Apa yang Anda pikirkan, Budi?').click();
  const site = new SiarOnSite(page);
  await site.insert(ITEM);
  await expect.poll(async () => (await lexicalState(page))?.text).toContain('SAIK 2019');
  await page.locator('[role="dialog"] [role="button"][aria-label="Post"]').click();
  await expect(page.locator('[role="dialog"] .error')).toBeVisible();
  await expectNothingReportedBefore(siar, server);
});

test('Facebook (classic feed): the new [role=article] carries the link', async ({ siar, server }) => {
  await serveSite(siar.context, 'facebook', ['https://www.facebook.com']);
  const page = await siar.context.newPage();
  await page.goto('https://www.facebook.com/?variant=classic&lang=en');
  await page.getByText('Apa yang Anda pikirkan, Budi?').click();
  const site = new SiarOnSite(page);
  await site.insert(ITEM);
  const caption = demoCaption(server.origin, ITEM, 'facebook');
  await expect.poll(async () => (await lexicalState(page))?.text).toBe(caption);
  await page.locator('[role="dialog"] [role="button"][aria-label="Post"]').click();
  await expect(page.locator('[role="article"]')).toHaveCount(2);
  expect(await onlyStoredReport(server)).toMatchObject({ item_id: ITEM, platform: 'facebook', status: 'published', method: 'composer', post_url: POST_URL });
});
