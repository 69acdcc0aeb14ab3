import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, REPORTER, test } from '../support/fixtures';
import { ROOT } from '../support/paths';
import { PopupPage } from '../support/popup-page';
import { localShares, onlyStoredReport, serveSite, SiarOnSite } from '../support/site-fixtures';

/**
 * Issue 12: no share lost between Post and the outbox. The user posts the item on X and
 * closes the tab before X answers: Siar kept the trusted Post click, the popup asks "did
 * this post go out?", and Yes reports it exactly once, as `confirmed` with the caption's method.
 */

const ITEM = 'tantangan-gpr-digital';
const id = JSON.parse(readFileSync(join(ROOT, 'public/_locales/id/messages.json'), 'utf8')) as Record<string, { message: string }>;

test('a tab closed right after Post: the popup asks, and Yes reaches the receiver exactly once', async ({ siar, server }) => {
  await serveSite(siar.context, 'x', ['https://x.com']);
  // X never answers this post (the answer would have been the proof): routes added last run first.
  await siar.context.route(/\/Create(Note)?Tweet$/, (route) => {
    setTimeout(() => void route.abort().catch(() => undefined), 60_000);
  });
  const page = await siar.context.newPage();
  await page.goto('https://x.com/home');
  const site = new SiarOnSite(page);
  await site.insert(ITEM);
  await expect(site.status()).toHaveClass(/ok/);
  await page.locator('[data-testid="tweetButtonInline"]').click();
  // The background kept the click before anything else happened.
  type StorageGlobal = { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } };
  await expect
    .poll(() => siar.worker.evaluate(async () => Object.keys(((await (globalThis as unknown as StorageGlobal).chrome.storage.local.get('shareAttempts')).shareAttempts as object) ?? {}).length))
    .toBe(1);
  await page.close();

  const popup = await PopupPage.open(siar.context, siar.extensionId);
  const attempt = popup.page.locator(`[data-siar-attempt][data-item="${ITEM}"][data-platform="x"]`);
  await expect(attempt).toBeVisible();
  await expect(popup.page.locator('#unfinished-heading')).toHaveText(id.attemptQuestion!.message);
  await popup.page.screenshot({ path: join(ROOT, 'test-results/proof-popup-did-it-go-out.png') });
  expect(server.storedRows()).toHaveLength(0);

  await attempt.locator('[data-siar-attempt-yes]').click();
  expect(await onlyStoredReport(server)).toMatchObject({ item_id: ITEM, platform: 'x', status: 'confirmed', method: 'composer', post_url: null, reporter_id: REPORTER.id });
  await expect(attempt).toHaveCount(0);
  // Exactly once: the history holds one share for the item, and the outbox has nothing left to send.
  expect((await localShares(siar.worker)).filter((share) => share.item_id === ITEM)).toHaveLength(1);
  await expect(popup.page.locator('[data-siar-outbox]')).toHaveClass('detail');
  expect(server.storedRows()).toHaveLength(1);
});
