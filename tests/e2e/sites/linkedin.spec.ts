import { ACTIVITY } from '../../fixtures/sites/linkedin/api';
import { demoCaption } from '../support/demo-caption';
import { expect, test } from '../support/fixtures';
import { onlyStoredReport, serveSite, shareFromPopup, SiarOnSite } from '../support/site-fixtures';

const ITEM = 'tantangan-gpr-digital';
const PERMALINK = `https://www.linkedin.com/feed/update/${ACTIVITY}/`;
// LinkedIn enforces Trusted Types: Siar's content script must work under it.
const TRUSTED_TYPES = { 'content-security-policy': "require-trusted-types-for 'script'" };
type QuillWindow = Window & { __fixture: { quillText(): string | null; selection(): { index: number; length: number } | null; length(): number } };

test('LinkedIn: Quill 1 holds the multi-line caption (getText), the toast links to the post', async ({ siar, server }) => {
  await serveSite(siar.context, 'linkedin', ['https://www.linkedin.com'], { documentHeaders: TRUSTED_TYPES });
  const page = await siar.context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  await page.getByText('Start a post').click();
  const site = new SiarOnSite(page);
  await expect(page.locator('.share-box siar-root')).toHaveCount(1);
  await site.insert(ITEM);
  const caption = demoCaption(server.origin, ITEM, 'linkedin');
  // Quill's text always ends with its own final "\n".
  await expect.poll(() => page.evaluate(() => (window as unknown as QuillWindow).__fixture.quillText())).toBe(`${caption}\n`);
  const [selection, length] = await page.evaluate(() => [(window as unknown as QuillWindow).__fixture.selection(), (window as unknown as QuillWindow).__fixture.length()] as const);
  expect(selection).toEqual({ index: length - 1, length: 0 });

  await page.locator('button.share-actions__primary-action').click();
  await expect(page.locator('.artdeco-toast-item')).toContainText('Post successful.');
  expect(await onlyStoredReport(server)).toMatchObject({ item_id: ITEM, platform: 'linkedin', status: 'published', method: 'composer', post_url: PERMALINK });
});

test('LinkedIn: the prefilled share box opened from the popup is reported as `intent`', async ({ siar, server }) => {
  await serveSite(siar.context, 'linkedin', ['https://www.linkedin.com'], { documentHeaders: TRUSTED_TYPES });
  const page = await shareFromPopup(siar, server, ITEM, 'linkedin', 'https://www.linkedin.com/feed/');
  await expect.poll(() => page.evaluate(() => (window as unknown as QuillWindow).__fixture.quillText())).toBe(`${demoCaption(server.origin, ITEM, 'linkedin')}\n`);
  await expect(page.locator('siar-root')).toHaveCount(1);
  await page.locator('button.share-actions__primary-action').click();
  expect(await onlyStoredReport(server)).toMatchObject({ platform: 'linkedin', method: 'intent', post_url: PERMALINK });
});
