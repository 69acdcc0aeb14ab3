import { expect, test } from '../support/fixtures';
import { localShares, SiarOnSite, serveSite } from '../support/site-fixtures';

const ITEM = 'tantangan-gpr-digital';
type FixtureWindow = Window & { __fixture: { text(): string } };
const editorText = () => (window as unknown as FixtureWindow).__fixture.text();

test('a hostile page: synthetic clicks and forged messages insert nothing and report nothing', async ({ siar, server }) => {
  await serveSite(siar.context, 'x', ['https://x.com']);
  const page = await siar.context.newPage();
  await page.goto('https://x.com/home');
  const site = new SiarOnSite(page);
  await site.openList(ITEM);

  // 1. The page clicks Siar's insert control itself (the shadow root is open): untrusted, ignored.
  await page.evaluate((item) => {
    const root = document.querySelector('siar-root')!.shadowRoot!;
    (root.querySelector(`[data-siar-insert="${item}"]`) as HTMLElement).click();
    root.querySelector(`[data-siar-insert="${item}"]`)!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    (root.querySelector('[data-siar-launcher]') as HTMLElement).click();
  }, ITEM);
  await page.waitForTimeout(1500);
  expect(await page.evaluate(editorText)).toBe('');
  await expect(site.status()).toBeHidden();

  // 2. The page tries to learn the channel's key, and forges messages and events.
  const stolen = await page.evaluate(async () => {
    const seen: unknown[] = [];
    document.addEventListener('siar-page-key', (event) => seen.push((event as CustomEvent).detail));
    document.dispatchEvent(new CustomEvent('siar-page-hello'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const answeredHello = [...seen];
    const forged = { req: crypto.randomUUID(), id: '1', handle: 'attacker' };
    window.postMessage({ type: 'siar', kind: 'published', postUrl: 'https://x.com/attacker/status/1' }, '*');
    window.postMessage(JSON.stringify(forged), '*');
    document.dispatchEvent(new CustomEvent('siar-page-key', { detail: crypto.randomUUID() }));
    document.dispatchEvent(new CustomEvent(`siar-${crypto.randomUUID()}-post`, { detail: JSON.stringify(forged) }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    return answeredHello;
  });
  expect(stolen).toEqual([]);
  await page.waitForTimeout(1000);
  expect(await page.evaluate(editorText)).toBe('');
  expect(server.storedRows()).toHaveLength(0);

  // 3. The user really inserts an item; then the page posts by a synthetic click on X's own
  //    button (X accepts it and shows its toast), and forges a toast of its own: no report.
  await site.insert(ITEM);
  await expect.poll(() => page.evaluate(editorText)).toContain('#GPR');
  await page.evaluate(() => {
    (document.querySelector('[data-testid="tweetButtonInline"]') as HTMLElement).click();
    const toast = document.createElement('div');
    toast.dataset.testid = 'toast';
    const link = document.createElement('a');
    link.href = '/attacker/status/42';
    link.textContent = 'View';
    toast.append('Your post was sent. ', link);
    document.body.append(toast);
  });
  await expect(page.locator('[data-testid="toast"]').first()).toContainText('Your post was sent');
  await page.waitForTimeout(4000);
  expect(server.storedRows()).toHaveLength(0);
  expect(await localShares(siar.worker)).toEqual([]);
});
