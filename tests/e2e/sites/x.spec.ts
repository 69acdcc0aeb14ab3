import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { HANDLE, POST_ID } from '../../fixtures/sites/x/api';
import { demoCaption } from '../support/demo-caption';
import { expect, REPORTER, test } from '../support/fixtures';
import { SCREENSHOT_DIR } from '../support/paths';
import { PopupPage } from '../support/popup-page';
import { expectNothingReportedBefore, onlyStoredReport, openedTab, serveSite, SiarOnSite } from '../support/site-fixtures';

const ITEM = 'tantangan-gpr-digital';

type FixtureWindow = Window & { __fixture?: { text(name?: string): string | null; blocks(name?: string): string[] | null; caretAtEnd(name?: string): boolean } };

// `note`: CreateNoteTweet answering a TweetWithVisibilityResults (live 2026); `classic`: CreateTweet.
for (const [transport, api] of [['fetch', 'note'], ['xhr', 'note'], ['fetch', 'classic'], ['xhr', 'classic']] as const) {
  test(`X (${transport}, ${api}): Siar inserts a multi-line caption into Draft.js and reports the post with its link`, async ({ siar, server }) => {
    await serveSite(siar.context, 'x', ['https://x.com']);
    const page = await siar.context.newPage();
    // Without the toast's link, the post's link can only come from the API's answer (page-world watcher).
    await page.goto(`https://x.com/home?transport=${transport}&api=${api}&toastlink=0`);
    const site = new SiarOnSite(page);
    await expect(site.root()).toHaveCount(1);
    await site.insert(ITEM);

    const caption = demoCaption(server.origin, ITEM, 'x');
    expect(caption.split('\n').length).toBeGreaterThan(6);
    await expect.poll(() => page.evaluate(() => (window as unknown as FixtureWindow).__fixture?.text())).toBe(caption);
    // Draft.js keeps one block per line, blank lines included, and the caret at the end.
    expect(await page.evaluate(() => (window as unknown as FixtureWindow).__fixture?.blocks())).toEqual(caption.split('\n'));
    expect(await page.evaluate(() => (window as unknown as FixtureWindow).__fixture?.caretAtEnd())).toBe(true);
    await expect(site.status()).toHaveClass(/ok/);

    if (transport === 'fetch' && api === 'note') {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'site-x.png') });
    }

    await page.locator('[data-testid="tweetButtonInline"]').click();
    await expect(page.locator('[data-testid="toast"]')).toContainText('Your post was sent');
    expect(await onlyStoredReport(server)).toMatchObject({
      item_id: ITEM,
      platform: 'x',
      status: 'published',
      method: 'composer',
      post_url: `https://x.com/${HANDLE}/status/${POST_ID}`,
      reporter_id: REPORTER.id,
    });
    await expect(site.status()).toHaveClass(/ok/);
  });
}

test('X: a post that X refuses is not reported', async ({ siar, server }) => {
  await serveSite(siar.context, 'x', ['https://x.com']);
  const page = await siar.context.newPage();
  await page.goto('https://x.com/home?fail=1');
  const site = new SiarOnSite(page);
  await site.insert(ITEM);
  await expect.poll(() => page.evaluate(() => (window as unknown as FixtureWindow).__fixture?.text())).toContain('#GPR');
  await page.locator('[data-testid="tweetButtonInline"]').click();
  await expect(page.locator('[data-testid="toast"]')).toContainText('Something went wrong');
  await expectNothingReportedBefore(siar, server);
});

test('X: the popup’s share button opens the share page tied to its item; the post is reported as `intent`', async ({ siar, server }) => {
  await serveSite(siar.context, 'x', ['https://x.com']);
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  await popup.item(ITEM).locator('[data-siar-share="x"]').click();
  const page = await openedTab(siar.context, 'https://x.com/intent/tweet');
  const caption = demoCaption(server.origin, ITEM, 'x');
  await expect.poll(() => page.evaluate(() => (window as unknown as FixtureWindow).__fixture?.text())).toBe(caption);
  await expect(page.locator('siar-root')).toHaveCount(1);
  await page.locator('[data-testid="tweetButtonInline"]').click();
  expect(await onlyStoredReport(server)).toMatchObject({ item_id: ITEM, platform: 'x', method: 'intent', post_url: `https://x.com/${HANDLE}/status/${POST_ID}` });
});

test('X: Siar follows single-page navigation: floating without a composer, back by the composer after', async ({ siar }) => {
  await serveSite(siar.context, 'x', ['https://x.com']);
  const page = await siar.context.newPage();
  await page.goto('https://x.com/home');
  const site = new SiarOnSite(page);
  await expect(page.locator('[data-testid="tweetTextarea_0RichTextInputContainer"] + siar-root')).toHaveCount(1);
  await page.getByRole('link', { name: 'Explore' }).click();
  await expect(site.root()).toHaveAttribute('data-floating', '');
  await expect(site.root()).toHaveCount(1);
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.locator('[data-testid="tweetTextarea_0RichTextInputContainer"] + siar-root')).toHaveCount(1);
  await expect(site.root()).not.toHaveAttribute('data-floating', '');
});

test('X: after inserting, the user posts something else instead: not reported as the item', async ({ siar, server }) => {
  await serveSite(siar.context, 'x', ['https://x.com']);
  const page = await siar.context.newPage();
  await page.goto('https://x.com/home');
  const site = new SiarOnSite(page);
  await site.insert(ITEM);
  await expect.poll(() => page.evaluate(() => (window as unknown as FixtureWindow).__fixture?.text())).toContain('#GPR');
  const editor = page.locator('[data-testid="tweetTextarea_0"]');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await editor.pressSequentially('Selamat pagi, semuanya!');
  await expect.poll(() => page.evaluate(() => (window as unknown as FixtureWindow).__fixture?.text())).toBe('Selamat pagi, semuanya!');
  await page.locator('[data-testid="tweetButtonInline"]').click();
  await expect(page.locator('[data-testid="toast"]')).toContainText('Your post was sent');
  await expectNothingReportedBefore(siar, server);
});

test('X: with the “Post” dialog open over the timeline, Siar serves the dialog’s composer', async ({ siar, server }) => {
  await serveSite(siar.context, 'x', ['https://x.com']);
  const page = await siar.context.newPage();
  await page.goto('https://x.com/home');
  await page.locator('[data-testid="SideNav_NewTweet_Button"]').click();
  const site = new SiarOnSite(page);
  await expect(page.locator('[role="dialog"] siar-root')).toHaveCount(1);
  await site.insert(ITEM);
  const caption = demoCaption(server.origin, ITEM, 'x');
  await expect.poll(() => page.evaluate(() => (window as unknown as FixtureWindow).__fixture?.text('dialog'))).toBe(caption);
  expect(await page.evaluate(() => (window as unknown as FixtureWindow).__fixture?.text('inline'))).toBe('');
  await page.locator('[role="dialog"] [data-testid="tweetButton"]').click();
  await expect(page.locator('.mask [role="dialog"]')).toHaveCount(0);
  expect(await onlyStoredReport(server)).toMatchObject({ item_id: ITEM, platform: 'x', method: 'composer', post_url: `https://x.com/${HANDLE}/status/${POST_ID}` });
  // The dialog closed: Siar is back by the inline composer.
  await expect(page.locator('[data-testid="tweetTextarea_0RichTextInputContainer"] + siar-root')).toHaveCount(1);
});
