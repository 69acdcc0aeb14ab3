import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INSTANCE, STATUS_ID, USERNAME } from '../../fixtures/sites/mastodon/api';
import { demoCaption } from '../support/demo-caption';
import { expect, test } from '../support/fixtures';
import { addMastodonInstance, OptionsPage } from '../support/options-page';
import { EXTENSION_DIR } from '../support/paths';
import { onlyStoredReport, serveSite, shareFromPopup, SiarOnSite } from '../support/site-fixtures';
import type { LaunchedExtension } from '../support/launch';

const ITEM = 'tantangan-gpr-digital';
type ChromeGlobal = {
  chrome: {
    scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; world?: string }[]> };
  };
};
type MastodonWindow = Window & { __fixture: { value(): string } };

test.beforeAll(() => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { host_permissions?: string[] };
  if (!manifest.host_permissions?.includes(`${INSTANCE}/*`)) {
    throw new Error(`Build with \`npm run test:e2e\`: the e2e build grants ${INSTANCE} (a headless browser cannot click the permission prompt).`);
  }
});

/** The user names their instance in the options page: Siar registers its scripts there. */
async function addInstance(siar: LaunchedExtension): Promise<void> {
  const { worker } = siar;
  const options = await OptionsPage.open(siar.context, siar.extensionId);
  await addMastodonInstance(options, INSTANCE);
  await options.page.close();
  await expect
    .poll(() => worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.scripting.getRegisteredContentScripts()))
    .toEqual([
      expect.objectContaining({ id: 'siar-mastodon', matches: [`${INSTANCE}/*`] }),
      expect.objectContaining({ id: 'siar-mastodon-watcher', matches: [`${INSTANCE}/*`], world: 'MAIN' }),
    ]);
}

// `modern`: Mastodon 4.3+'s .compose-form__submit; `classic`: ≤4.2's .compose-form__publish.
for (const variant of ['modern', 'classic'] as const) {
test(`Mastodon (${variant}): on the user’s instance, the React textarea holds the caption; the Status' own url is the link`, async ({ siar, server }) => {
  await serveSite(siar.context, 'mastodon', [INSTANCE]);
  await addInstance(siar);
  const page = await siar.context.newPage();
  await page.goto(`${INSTANCE}/home?variant=${variant}`);
  const site = new SiarOnSite(page);
  await site.insert(ITEM);
  const caption = demoCaption(server.origin, ITEM, 'mastodon');
  // React's own state, not only the DOM value.
  await expect.poll(() => page.evaluate(() => (window as unknown as MastodonWindow).__fixture?.value())).toBe(caption);
  const caret = await page.locator('textarea').evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd, el.value.length]);
  expect(caret).toEqual([caption.length, caption.length, caption.length]);

  await page.locator(variant === 'modern' ? '.compose-form__submit button' : '.compose-form__publish button').click();
  expect(await onlyStoredReport(server)).toMatchObject({
    item_id: ITEM,
    platform: 'mastodon',
    status: 'published',
    method: 'composer',
    post_url: `${INSTANCE}/@${USERNAME}/${STATUS_ID}`,
  });
});
}

test('Mastodon: the share page opened from the popup on the user’s instance is reported as `intent`', async ({ siar, server }) => {
  await serveSite(siar.context, 'mastodon', [INSTANCE]);
  await addInstance(siar);
  const page = await shareFromPopup(siar, server, ITEM, 'mastodon', `${INSTANCE}/share`);
  await expect.poll(() => page.evaluate(() => (window as unknown as MastodonWindow).__fixture?.value())).toBe(demoCaption(server.origin, ITEM, 'mastodon'));
  await expect(page.locator('siar-root')).toHaveCount(1);
  await page.locator('textarea').press('Control+Enter');
  expect(await onlyStoredReport(server)).toMatchObject({ platform: 'mastodon', method: 'intent', post_url: `${INSTANCE}/@${USERNAME}/${STATUS_ID}` });
});
