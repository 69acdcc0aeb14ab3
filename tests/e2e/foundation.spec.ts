import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_HIDDEN_IDS, DEMO_SHOWN_IDS } from '../../server/demo-feed';
import { expect, REPORTER, test } from './support/fixtures';
import { EXTENSION_ID, SCREENSHOT_DIR } from './support/paths';
import { PopupPage } from './support/popup-page';

test('the extension has the fixed id that policies name', async ({ siar }) => {
  expect(siar.extensionId).toBe(EXTENSION_ID);
});

test('the popup shows exactly today’s approved demo items, in order', async ({ siar, server }) => {
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  await expect(popup.items()).toHaveCount(DEMO_SHOWN_IDS.length);
  expect(await popup.itemIds()).toEqual(DEMO_SHOWN_IDS);
  for (const hidden of DEMO_HIDDEN_IDS) await expect(popup.item(hidden)).toHaveCount(0);
  await expect(popup.feedStatus(server.feedUrl)).toHaveAttribute('data-state', 'ok');
  await expect(popup.item(DEMO_SHOWN_IDS[0]!).locator('[data-siar-title]')).toContainText('SAIK 2019');
  await expect(popup.item(DEMO_SHOWN_IDS[0]!).locator('[data-siar-share="x"]')).toBeVisible();
  await expect(popup.item(DEMO_SHOWN_IDS[0]!).locator('[data-siar-copy]')).toBeVisible();

  // Every image has loaded, so that the screenshot shows what a user sees.
  await expect
    .poll(() => popup.page.locator('img.item-image').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)))
    .toBe(true);
  // The whole poster is shown, its "Siar · demo" line at the bottom included: the box has the
  // image's own proportions (a cropped box would be flatter than the image).
  const proportions = await popup.page.locator('img.item-image').evaluateAll((imgs) =>
    imgs.map((i) => {
      const img = i as HTMLImageElement;
      return { box: img.clientHeight / img.clientWidth, image: img.naturalHeight / img.naturalWidth };
    }),
  );
  for (const { box, image } of proportions) expect(box).toBeCloseTo(image, 2);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await popup.page.screenshot({ path: join(SCREENSHOT_DIR, 'popup.png'), fullPage: true });
});

test('“I shared it” reaches the reference server and is stored in SQLite', async ({ siar, server }) => {
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  const itemId = DEMO_SHOWN_IDS[0]!;
  await expect(popup.item(itemId)).toBeVisible();
  await popup.confirmShared(itemId, 'facebook', 'https://www.facebook.com/budi.asn/posts/12345');
  await expect(popup.item(itemId).locator('[role="status"]')).toBeVisible();

  await expect.poll(() => server.storedRows().length, { timeout: 20_000 }).toBe(1);
  const row = server.storedRows()[0]!;
  expect(row).toMatchObject({
    feed_url: server.feedUrl,
    item_id: itemId,
    item_url: `${server.origin}/demo/artikel/${itemId}`,
    platform: 'facebook',
    status: 'confirmed',
    method: 'manual',
    post_url: 'https://www.facebook.com/budi.asn/posts/12345',
    reporter_id: REPORTER.id,
    reporter_name: REPORTER.name,
    reporter_unit: REPORTER.unit,
    client_name: 'siar',
  });
  expect(String(row.id)).toMatch(/^[0-9a-f-]{36}$/);
  expect(String(row.shared_at)).toMatch(/\+07:00$/);
  // Once the receiver has it, nothing waits in the outbox.
  await expect(popup.outbox()).toHaveText('Tidak ada laporan yang menunggu (0)');
});
