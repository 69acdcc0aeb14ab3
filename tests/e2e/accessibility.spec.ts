import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_SHOWN_IDS } from '../../server/demo-feed';
import { expect, test } from './support/fixtures';
import { OptionsPage, setLanguage } from './support/options-page';
import { SCREENSHOT_DIR } from './support/paths';
import { PopupPage } from './support/popup-page';

/** Issue 14: every page at a phone's width and at a small window's, violations of any impact. */
const WIDTHS = [360, 800] as const;

async function expectNoViolations(page: Page, what: string) {
  const before = page.viewportSize();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(summary, `${what} at ${width} px: axe violations`).toEqual([]);
  }
  if (before) await page.setViewportSize(before);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });

    for (const language of ['id', 'en'] as const) {
      test(`popup, options and history have no axe violations in ${language}`, async ({ siar, server }) => {
        // Three pages, each at two widths: six axe runs, over 90 s on a busy 2-core machine.
        test.setTimeout(180_000);
        const options = await OptionsPage.open(siar.context, siar.extensionId);
        await setLanguage(options, language);
        await expectNoViolations(options.page, `options (${language}, ${colorScheme})`);

        const popup = await PopupPage.open(siar.context, siar.extensionId);
        await expect(popup.items()).toHaveCount(DEMO_SHOWN_IDS.length);
        // The expanded confirmation is part of the flow: check it too.
        await popup.item(DEMO_SHOWN_IDS[0]!).locator('details.confirm > summary').click();
        await expectNoViolations(popup.page, `popup (${language}, ${colorScheme})`);

        // The history with a share in it, once the receiver has it.
        // (the confirmation is still open from the check above)
        await popup.item(DEMO_SHOWN_IDS[0]!).locator('[data-siar-confirm="whatsapp"]').click();
        await expect.poll(() => server.storedRows().length).toBe(1);
        const history = await siar.context.newPage();
        await history.goto(`chrome-extension://${siar.extensionId}/shares.html`);
        await expect(history.locator('[data-siar-history-row][data-status="confirmed"]')).toHaveCount(1);
        await expectNoViolations(history, `history (${language}, ${colorScheme})`);

        if (language === 'id') {
          mkdirSync(SCREENSHOT_DIR, { recursive: true });
          const suffix = colorScheme === 'dark' ? '-dark' : '';
          await options.page.setViewportSize({ width: 900, height: 1200 });
          await options.page.screenshot({ path: join(SCREENSHOT_DIR, `options${suffix}.png`), fullPage: true });
          if (colorScheme === 'dark') {
            await popup.page.screenshot({ path: join(SCREENSHOT_DIR, 'popup-dark.png') });
            await history.screenshot({ path: join(SCREENSHOT_DIR, 'history-dark.png'), fullPage: true });
          }
        }
      });
    }
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode, a feed that fails`, () => {
    test.use({ colorScheme, policyExtras: { feeds: [{ url: 'http://127.0.0.1:9/siar-missing-feed.json' }] } });

    test('the popup’s feed status list (an alert inside a list item) has no axe violations', async ({ siar }) => {
      const popup = await PopupPage.open(siar.context, siar.extensionId);
      await expect(popup.page.locator('[data-siar-status][data-state="error"]')).toHaveCount(1);
      await expect(popup.page.locator('.feed-status-list [role="alert"]')).toHaveCount(1);
      await expectNoViolations(popup.page, `popup with a failing feed (${colorScheme})`);
    });
  });
}

test('the axe check does see violations on an extension page (so the checks above can fail)', async ({ siar }) => {
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  await expect(popup.items()).toHaveCount(DEMO_SHOWN_IDS.length);
  await popup.page.evaluate(() => document.body.appendChild(document.createElement('input')));
  const { violations } = await new AxeBuilder({ page: popup.page }).analyze();
  expect(violations.map((v) => v.id)).toContain('label');
});
