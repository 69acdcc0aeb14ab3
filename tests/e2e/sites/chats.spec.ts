import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoCaption } from '../support/demo-caption';
import { expect, REPORTER, test } from '../support/fixtures';
import { SCREENSHOT_DIR } from '../support/paths';
import { lexicalState, localShares, onlyStoredReport, serveSite, shareFromPopup, SiarOnSite } from '../support/site-fixtures';

type ChatWindow = Window & { __fixture: { sent: string[]; state(): { text: string; stale?: string } } };
const sentMessages = () => (window as unknown as ChatWindow).__fixture.sent;
const telegramText = () => (window as unknown as ChatWindow).__fixture.state().text;

// `modern`: Send is a <button aria-label> with the wds-ic-send-filled icon (2026), clicked on its icon;
// `classic`: a div role=button with span[data-icon=send].
for (const [variant, send] of [['modern', '[data-testid="wds-ic-send-filled"]'], ['modern&lang=en', 'button[aria-label="Send"]'], ['classic', 'span[data-icon="send"]']] as const) {
test(`WhatsApp (${variant}): Lexical (plain text) holds the caption; after sending with ${send}, “sudah terkirim?” → confirmed`, async ({ siar, server }) => {
  const item = 'saik-2019-pembukaan';
  await serveSite(siar.context, 'whatsapp', ['https://web.whatsapp.com']);
  const page = await siar.context.newPage();
  await page.goto(`https://web.whatsapp.com/?variant=${variant}`);
  const site = new SiarOnSite(page);
  await site.insert(item);
  const caption = demoCaption(server.origin, item, 'whatsapp');
  expect(caption).toContain('*SAIK 2019 dibuka di Pangkalpinang*');
  await expect.poll(async () => (await lexicalState(page))?.text).toBe(caption);
  expect((await lexicalState(page))?.caretAtEnd).toBe(true);

  await page.locator(send).click();
  expect(await page.evaluate(sentMessages)).toEqual([caption]);
  await expect(page.locator('siar-root [data-siar-sent="yes"]')).toBeVisible();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  if (variant === 'modern') await page.screenshot({ path: join(SCREENSHOT_DIR, 'site-whatsapp.png') });
  // Nothing is reported until the user says so: Siar is asking (above), and has recorded nothing.
  expect(await localShares(siar.worker)).toEqual([]);
  expect(server.storedRows()).toHaveLength(0);
  await page.locator('siar-root [data-siar-sent="yes"]').click();
  expect(await onlyStoredReport(server)).toMatchObject({
    item_id: item,
    platform: 'whatsapp',
    status: 'confirmed',
    method: 'composer',
    post_url: null,
    reporter_id: REPORTER.id,
  });
});
}

test('WhatsApp: wa.me from the popup; “belum” reports nothing; a message of the user’s own is not the item', async ({ siar, server }) => {
  const item = 'asn-wajib-bermedsos';
  await serveSite(siar.context, 'whatsapp', ['https://web.whatsapp.com']);
  // wa.me hands the text on to WhatsApp Web, as the real one does through api.whatsapp.com.
  await siar.context.route('https://wa.me/**', (route) => {
    const text = new URL(route.request().url()).searchParams.get('text') ?? '';
    return route.fulfill({ status: 302, headers: { location: `https://web.whatsapp.com/send?text=${encodeURIComponent(text)}` } });
  });
  const page = await shareFromPopup(siar, server, item, 'whatsapp', 'https://web.whatsapp.com/send');
  const caption = demoCaption(server.origin, item, 'whatsapp');
  await expect.poll(async () => (await lexicalState(page))?.text).toBe(caption);
  await expect(page.locator('siar-root')).toHaveCount(1);
  const composer = page.locator('footer [contenteditable="true"]');

  // Sent with Enter; the user answers “belum”: nothing is reported.
  await composer.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(sentMessages)).toEqual([caption]);
  await page.locator('siar-root [data-siar-sent="no"]').click();
  // A message of the user's own, confirmed: it is not the item, nothing is reported.
  await composer.pressSequentially('Sudah saya teruskan.');
  await page.keyboard.press('Enter');
  await page.locator('siar-root [data-siar-sent="yes"]').click();
  // (Checked below: the history then holds one share, the item's, and nothing for this message.)

  // The item, typed again (its text and link, without the hashtags) and confirmed:
  // reported once, as the share page's (`intent`).
  const [text, link] = caption.split('\n').filter((line) => line !== '');
  await composer.pressSequentially(text!);
  await page.keyboard.press('Shift+Enter');
  await composer.pressSequentially(link!);
  await page.keyboard.press('Enter');
  await page.locator('siar-root [data-siar-sent="yes"]').click();
  expect(await onlyStoredReport(server)).toMatchObject({ item_id: item, platform: 'whatsapp', status: 'confirmed', method: 'intent', post_url: null });
  // The user's own message, confirmed before, was recorded before this one if at all: it was not.
  expect(await localShares(siar.worker)).toHaveLength(1);
  expect(server.storedRows()).toHaveLength(1);
});

test('Telegram Web A: only the live copy of #editable-message-text (the active slide) takes the caption; after sending, confirmed', async ({ siar, server }) => {
  const item = 'tantangan-gpr-digital';
  await serveSite(siar.context, 'telegram', ['https://web.telegram.org']);
  const page = await siar.context.newPage();
  await page.goto('https://web.telegram.org/a/#-100123');
  // Two copies, both shown, as during a slide transition.
  await expect(page.locator('#editable-message-text')).toHaveCount(2);
  const site = new SiarOnSite(page);
  await site.insert(item);
  const caption = demoCaption(server.origin, item, 'telegram');
  await expect.poll(() => page.evaluate(telegramText)).toBe(caption);
  expect(await page.evaluate(() => (window as unknown as ChatWindow).__fixture.state().stale)).toBe('');
  await page.locator('.Transition_slide-active #editable-message-text').press('Enter');
  expect(await page.evaluate(sentMessages)).toEqual([caption]);
  await page.locator('siar-root [data-siar-sent="yes"]').click();
  expect(await onlyStoredReport(server)).toMatchObject({ item_id: item, platform: 'telegram', status: 'confirmed', method: 'composer', post_url: null });
});

test('Telegram Web K: TipTap (ProseMirror) holds the caption in its own document; after sending, confirmed', async ({ siar, server }) => {
  const item = 'tantangan-gpr-digital';
  await serveSite(siar.context, 'telegram', ['https://web.telegram.org']);
  const page = await siar.context.newPage();
  await page.goto('https://web.telegram.org/k/#-100123');
  await expect(page.locator('.input-message-container .ProseMirror')).toBeVisible();
  const site = new SiarOnSite(page);
  await site.insert(item);
  const caption = demoCaption(server.origin, item, 'telegram');
  // ProseMirror's plain-text paste makes one paragraph per line and drops blank lines.
  const lines = caption.split('\n').filter((line) => line.trim() !== '');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __fixture: { paragraphs(): string[] } }).__fixture?.paragraphs())).toEqual(lines);
  await page.locator('.input-message-container .ProseMirror').press('End');
  await page.locator('.btn-send').click();
  await expect.poll(() => page.evaluate(sentMessages)).toEqual([lines.join('\n')]);
  await page.locator('siar-root [data-siar-sent="yes"]').click();
  expect(await onlyStoredReport(server)).toMatchObject({ item_id: item, platform: 'telegram', status: 'confirmed', method: 'composer', post_url: null });
});
