import { POST_CODE, USERNAME } from '../../fixtures/sites/threads/api';
import { demoCaption } from '../support/demo-caption';
import { expect, test } from '../support/fixtures';
import { lexicalState, onlyStoredReport, serveSite, shareFromPopup, SiarOnSite } from '../support/site-fixtures';

const ITEM = 'tantangan-gpr-digital';
const PERMALINK = `https://www.threads.com/@${USERNAME}/post/${POST_CODE}`;

// `modern`: the "Posted" toast without a role, a stranger's post arriving at once (live 2026); `classic`: role=alert.
for (const variant of ['modern', 'classic'] as const) {
test(`Threads (${variant}): Siar inserts a multi-line caption into Lexical; the "Posted" toast gives the link`, async ({ siar, server }) => {
  await serveSite(siar.context, 'threads', ['https://www.threads.com']);
  const page = await siar.context.newPage();
  await page.goto(`https://www.threads.com/?variant=${variant}`);
  await page.getByText("What's new?").click();
  const site = new SiarOnSite(page);
  await expect(page.locator('[role="dialog"] siar-root')).toHaveCount(1);
  await site.insert(ITEM);
  const caption = demoCaption(server.origin, ITEM, 'threads');
  await expect.poll(async () => (await lexicalState(page))?.text).toBe(caption);
  expect((await lexicalState(page))?.paragraphs).toEqual(caption.split('\n'));
  expect((await lexicalState(page))?.caretAtEnd).toBe(true);

  await page.locator('[role="dialog"] [role="button"]', { hasText: 'Post' }).click();
  await expect(page.locator('.toast')).toContainText('Posted');
  await expect(page.locator('[role="alert"]')).toHaveCount(variant === 'classic' ? 1 : 0);
  expect(await onlyStoredReport(server)).toMatchObject({ item_id: ITEM, platform: 'threads', status: 'published', method: 'composer', post_url: PERMALINK });
});
}

test('Threads: a share page opened from the popup carries its item, reported as `intent`', async ({ siar, server }) => {
  await serveSite(siar.context, 'threads', ['https://www.threads.com']);
  const page = await shareFromPopup(siar, server, ITEM, 'threads', 'https://www.threads.com/intent/post');
  // The share page prefilled the caption itself: Siar inserts nothing.
  await expect.poll(async () => (await lexicalState(page))?.text).toBe(demoCaption(server.origin, ITEM, 'threads'));
  await expect(page.locator('siar-root')).toHaveCount(1);
  await page.locator('[role="dialog"] [role="button"]', { hasText: 'Post' }).click();
  expect(await onlyStoredReport(server)).toMatchObject({ item_id: ITEM, platform: 'threads', status: 'published', method: 'intent', post_url: PERMALINK });
});
