import { expect, test } from '../support/fixtures';
import { demoCaption } from '../support/demo-caption';
import { expectNothingReportedBefore, SiarOnSite, serveSite } from '../support/site-fixtures';

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
  // Nothing to wait for: an untrusted click is dropped in the listener itself. What would follow
  // from it (a message to the background, then the insert) is ruled out in step 3, whose real
  // insert comes after it and must leave the caption exactly once.
  expect(await page.evaluate(editorText)).toBe('');
  await expect(site.status()).toBeHidden();

  // 2. The page tries to learn the channel's key, and forges messages and events.
  const stolen = await page.evaluate(async () => {
    const seen: unknown[] = [];
    document.addEventListener('siar-page-key', (event) => seen.push((event as CustomEvent).detail));
    // The content script answers a hello synchronously, if at all.
    document.dispatchEvent(new CustomEvent('siar-page-hello'));
    const answeredHello = [...seen];
    const forged = { req: crypto.randomUUID(), id: '1', handle: 'attacker' };
    window.postMessage({ type: 'siar', kind: 'published', postUrl: 'https://x.com/attacker/status/1' }, '*');
    window.postMessage(JSON.stringify(forged), '*');
    document.dispatchEvent(new CustomEvent('siar-page-key', { detail: crypto.randomUUID() }));
    document.dispatchEvent(new CustomEvent(`siar-${crypto.randomUUID()}-post`, { detail: JSON.stringify(forged) }));
    return answeredHello;
  });
  expect(stolen).toEqual([]);
  expect(await page.evaluate(editorText)).toBe('');

  // 3. The user really inserts an item; then the page posts by a synthetic click on X's own
  //    button (X accepts it and shows its toast), and forges a toast of its own: no report.
  await site.insert(ITEM);
  // Exactly the caption, once: the forged clicks of step 1 inserted nothing before it.
  await expect.poll(() => page.evaluate(editorText)).toBe(demoCaption(server.origin, ITEM, 'x'));
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
  // Neither the forged messages of step 2 nor the synthetic post recorded a share.
  await expectNothingReportedBefore(siar, server);
});
