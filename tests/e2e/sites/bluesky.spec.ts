import { DID, PDS, RKEY } from '../../fixtures/sites/bluesky/api';
import { demoCaption } from '../support/demo-caption';
import { expect, test } from '../support/fixtures';
import { onlyStoredReport, serveSite, SiarOnSite } from '../support/site-fixtures';

const ITEM = 'tantangan-gpr-digital';
type PmWindow = Window & { __fixture: { textContent(): string | null; paragraphs(): string[]; caretAtEnd(): boolean } };

for (const api of ['applyWrites', 'createRecord'] as const) {
test(`Bluesky (${api}): ProseMirror holds the caption; the PDS’s at:// answer becomes the post link`, async ({ siar, server }) => {
  await serveSite(siar.context, 'bluesky', ['https://bsky.app'], { apiOrigins: [PDS] });
  const page = await siar.context.newPage();
  await page.goto(`https://bsky.app/?api=${api}`);
  await page.getByText('New Post').click();
  const site = new SiarOnSite(page);
  await expect(page.locator('[role="dialog"] siar-root')).toHaveCount(1);
  await site.insert(ITEM);
  const caption = demoCaption(server.origin, ITEM, 'bluesky');
  // ProseMirror's own document: one paragraph per line (plain ProseMirror folds blank lines when pasting).
  const lines = caption.split('\n').filter((line) => line !== '');
  await expect.poll(() => page.evaluate(() => (window as unknown as PmWindow).__fixture?.textContent())).toBe(lines.join(''));
  expect(await page.evaluate(() => (window as unknown as PmWindow).__fixture.paragraphs())).toEqual(lines);
  expect(await page.evaluate(() => (window as unknown as PmWindow).__fixture.caretAtEnd())).toBe(true);

  await page.locator('button[data-testid="composerPublishBtn"]').click();
  await expect(page.locator('[role="alert"]')).toContainText('published');
  expect(await onlyStoredReport(server)).toMatchObject({
    item_id: ITEM,
    platform: 'bluesky',
    status: 'published',
    method: 'composer',
    post_url: `https://bsky.app/profile/${DID}/post/${RKEY}`,
  });
});
}
