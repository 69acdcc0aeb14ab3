import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SHOWN_IDS } from '../../server/demo-feed';
import { expect, test } from './support/fixtures';
import { OptionsPage, setLanguage } from './support/options-page';
import { STORE_SCREENSHOT_DIR } from './support/paths';
import { PopupPage } from './support/popup-page';
import { serveSite, SiarOnSite } from './support/site-fixtures';

/** The stores ask for 1280 × 800 screenshots (Chrome Web Store, Edge; AMO takes them too). */
const STORE_SIZE = { width: 1280, height: 800 };
const [FIRST] = DEMO_SHOWN_IDS as [string];

for (const language of ['id', 'en'] as const) {
  test(`store screenshots (${language}): popup, the X composer, options, history`, async ({ siar }) => {
    mkdirSync(STORE_SCREENSHOT_DIR, { recursive: true });
    const shot = (name: string) => join(STORE_SCREENSHOT_DIR, `${name}-${language}.png`);
    const options = await OptionsPage.open(siar.context, siar.extensionId);
    await setLanguage(options, language);

    // The popup as the toolbar shows it: its own width, on a plain backdrop.
    const popup = await PopupPage.open(siar.context, siar.extensionId);
    await popup.page.setViewportSize(STORE_SIZE);
    await expect(popup.items()).toHaveCount(DEMO_SHOWN_IDS.length);
    await popup.page.addStyleTag({
      content:
        'html { background: #dde3ea; height: auto; overflow: hidden; } ' +
        'body { width: 400px; height: auto !important; max-height: none !important; overflow: visible !important; margin: 24px auto; box-shadow: 0 8px 28px rgb(0 0 0 / .25); }',
    });
    await popup.page.screenshot({ path: shot('popup') });

    const page = await siar.context.newPage();
    await page.setViewportSize(STORE_SIZE);
    await serveSite(siar.context, 'x', ['https://x.com']);
    await page.goto('https://x.com/home');
    await new SiarOnSite(page).openList(FIRST);
    await page.screenshot({ path: shot('site-x') });

    await options.page.setViewportSize(STORE_SIZE);
    await options.page.screenshot({ path: shot('options') });

    // The history with one share in it.
    await popup.confirmShared(FIRST, 'whatsapp');
    const history = await siar.context.newPage();
    await history.setViewportSize(STORE_SIZE);
    await history.goto(`chrome-extension://${siar.extensionId}/shares.html`);
    await expect(history.locator('[data-siar-history-row]')).toHaveCount(1);
    await history.screenshot({ path: shot('shares') });
  });
}
