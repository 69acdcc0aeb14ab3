import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { HANDLE, POST_ID } from '../fixtures/sites/x/api';
import { message } from '../../server/i18n/messages';
import { generateSigningKeys, privateKeyFromText } from '../../server/signing';
import { launchWithExtension, type LaunchedExtension } from './support/launch';
import { CHROMIUM_PATH } from './support/paths';
import { canWritePolicy, clearSiarPolicy, writeSiarPolicy } from './support/policy';
import { PopupPage } from './support/popup-page';
import { startTestServer, type TestServer } from './support/reference-server';
import { serveSite, SiarOnSite } from './support/site-fixtures';

/**
 * Issue 13, the whole loop in real Chromium against a real Siar Kantor (SQLite, signed
 * feed, people from its own import, staff who sign in): an editor drafts and submits a
 * post through the pages; the editor's approval is refused; an approver approves it; the
 * built extension, enrolled through its own form with a code from the import, shows it;
 * it is shared on the X look-alike; /rekap shows the share under the person and unit and
 * that unit's rate moves; withdrawn, the post leaves the popup at the next feed poll.
 * The dashboard is read through its page only, whatever table it reads from.
 */

const BUDI = { id: '198703122010011001', name: 'Budi Santoso', unit: 'Diskominfo Kota Pangkalpinang' };
const SARI = { id: '199001012015022002', name: 'Sari Dewi', unit: 'Diskominfo Kota Pangkalpinang' };
const ANDI = { id: '198805052012121003', name: 'Andi Pratama', unit: 'Humas Setda' };
const EDITOR = { name: 'rina', role: 'editor', password: 'penyusun-humas-2026' } as const;
const APPROVER = { name: 'kabid-ikp', role: 'approver', password: 'pimpinan-humas-2026' } as const;

const TITLE = 'Pasar murah Ramadan di 7 kecamatan';
const CAPTION = 'Pasar murah hadir di 7 kecamatan mulai Senin. Cek jadwal dan lokasinya!';
const LINK = 'https://pangkalpinangkota.go.id/berita/pasar-murah-ramadan';

const keys = generateSigningKeys();

let office: TestServer;
let staffBrowser: Browser;
let siar: LaunchedExtension;

test.skip(!canWritePolicy(), 'deploys Siar through managed policy (run as root, as CI does)');
test.setTimeout(180_000);

test.beforeAll(async () => {
  office = await startTestServer({ signingKey: privateKeyFromText(keys.privateKey), people: [BUDI, SARI, ANDI], staff: [EDITOR, APPROVER], demoPosts: false });
  staffBrowser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
  // No feed and no person in policy: the person enrolls through the extension's own form.
  writeSiarPolicy({});
  siar = await launchWithExtension();
});

test.afterAll(async () => {
  await siar?.context.close();
  if (siar) rmSync(siar.userDataDir, { recursive: true, force: true });
  clearSiarPolicy();
  await staffBrowser?.close();
  await office?.close();
  if (office) rmSync(office.dataDir, { recursive: true, force: true });
});

/** A staff member in their own browser context (own session cookie), signed in through /login. */
async function signIn(member: { name: string; password: string }, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const page = await (await staffBrowser.newContext({ locale: 'id-ID', ...options })).newPage();
  await page.goto(`${office.origin}/login`);
  await page.locator('#name').fill(member.name);
  await page.locator('#password').fill(member.password);
  await page.getByRole('button', { name: message('id', 'login.submit') }).click();
  await expect(page.getByText(member.name).first()).toBeVisible();
  return page;
}

async function refresh(popup: PopupPage): Promise<void> {
  await popup.page.locator('[data-siar-refresh]').click();
  await expect(popup.page.locator('[data-siar-refresh]')).toBeEnabled();
}

/** The unit's row on /rekap: its rate as the page states it (data-rate, 0…1) and its "shared / enrolled" cell. */
async function unitRow(page: Page, unit: string): Promise<{ rate: string | null; text: string }> {
  await page.goto(`${office.origin}/rekap`);
  const row = page.locator(`[data-section="participation"] tr[data-unit="${unit}"]`);
  await expect(row).toBeVisible();
  return { rate: await row.getAttribute('data-rate'), text: (await row.innerText()).replace(/\s+/g, ' ') };
}

async function feedIds(): Promise<string[]> {
  const feed = (await (await fetch(office.feedUrl)).json()) as { items: { id: string }[] };
  return feed.items.map((item) => item.id);
}

test('an office’s whole loop: drafted, refused to its editor, approved, shown, shared on X, counted, withdrawn', async () => {
  // 1. The editor (penyusun) drafts the post through the pages, and submits it.
  const editor = await signIn(EDITOR);
  await editor.goto(`${office.origin}/posts/new`);
  await editor.locator('#f-title').fill(TITLE);
  await editor.locator('#f-summary').fill('Pemkot menggelar pasar murah menjelang Ramadan.');
  await editor.locator('#f-link').fill(LINK);
  await editor.locator('#f-caption_default_0').fill(CAPTION);
  await editor.locator('#f-hashtags').fill('#PasarMurah #Pangkalpinang');
  await editor.getByRole('button', { name: message('id', 'post.save') }).click();
  await expect(editor.locator('p.ok[role="status"]')).toContainText(message('id', 'post.saved'));
  const postId = decodeURIComponent(new URL(editor.url()).pathname.split('/').at(-1)!);
  await expect(editor.locator('[data-status]')).toHaveAttribute('data-status', 'draft');
  await expect(editor.locator('[data-preview-platform="x"] .preview-caption')).toContainText(CAPTION);
  await editor.locator('form[data-action="submit"] button').click();
  await expect(editor.locator('[data-status]')).toHaveAttribute('data-status', 'submitted');
  expect(await feedIds()).not.toContain(postId);

  // 2. The editor has no approve button, and an approval sent anyway (the form the page
  // would have, with the session and CSRF token) is refused with a plain sentence.
  await expect(editor.locator('form[data-action="approve"]')).toHaveCount(0);
  await editor.evaluate((action) => {
    const sent = document.createElement('form');
    sent.method = 'post';
    sent.action = action;
    for (const name of ['_csrf', 'version']) {
      const field = document.createElement('input');
      field.type = 'hidden';
      field.name = name;
      field.value = document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!.value;
      sent.append(field);
    }
    document.body.append(sent);
    sent.submit();
  }, `/posts/${encodeURIComponent(postId)}/approve`);
  await expect(editor.locator('[data-problems="error"] li[data-code="forbidden_role"]')).toContainText('tidak boleh menyetujui unggahan');
  await expect(editor.locator('[data-status]')).toHaveAttribute('data-status', 'submitted');
  expect(await feedIds()).not.toContain(postId);

  // The approver (pimpinan) approves it.
  const approver = await signIn(APPROVER);
  await approver.goto(`${office.origin}/posts/${encodeURIComponent(postId)}`);
  await approver.locator('form[data-action="approve"] button').click();
  await expect(approver.locator('[data-status]')).toHaveAttribute('data-status', 'approved');
  await expect(approver.locator('[data-live]')).toBeVisible();
  expect(await feedIds()).toEqual([postId]);

  // 3. Budi enrolls the built extension with his code from `people import`, through its own form.
  const options = await siar.context.newPage();
  await options.goto(`chrome-extension://${siar.extensionId}/options.html`);
  await options.locator('[data-siar-enroll]').fill(`${office.origin}/daftar#${office.codes[BUDI.id]}`);
  await options.locator('[data-siar-enroll-submit]').click();
  await expect(options.locator('[data-siar-enroll-result="ok"]')).toContainText(BUDI.name);
  await options.close();
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  await refresh(popup);
  await expect(popup.feedStatus(office.feedUrl)).toHaveAttribute('data-state', 'ok');
  await expect(popup.item(postId)).toContainText(TITLE);
  expect(await popup.itemIds()).toEqual([postId]);

  // 5 (before). Nobody in Budi's unit has shared yet.
  const before = await unitRow(approver, BUDI.unit);
  expect(before.rate).toBe('0');
  expect(before.text).toContain('0 / 2');

  // 4. Budi shares it on X: Siar puts the caption in X's editor and reports the post.
  await serveSite(siar.context, 'x', ['https://x.com']);
  const x = await siar.context.newPage();
  await x.goto('https://x.com/home');
  const site = new SiarOnSite(x);
  await site.insert(postId);
  await expect.poll(() => x.evaluate(() => (window as unknown as { __fixture?: { text(): string | null } }).__fixture?.text())).toContain(CAPTION);
  await x.locator('[data-testid="tweetButtonInline"]').click();
  await expect(x.locator('[data-testid="toast"]')).toContainText('Your post was sent');
  await expect
    .poll(() => office.storedRows().map((row) => [row.item_id, row.platform, row.reporter_id, row.verified, row.post_url]), { timeout: 30_000 })
    .toEqual([[postId, 'x', BUDI.id, 1, `https://x.com/${HANDLE}/status/${POST_ID}`]]);

  // 5. /rekap shows the share under Budi and his unit, whose rate moved from 0 to 1 of 2.
  const after = await unitRow(approver, BUDI.unit);
  expect(after.rate).toBe('0.5');
  expect(after.text).toContain('1 / 2');
  expect((await unitRow(approver, ANDI.unit)).rate).toBe('0');
  await expect(approver.locator(`[data-section="people"] [data-person="${BUDI.id}"]`)).toContainText(BUDI.name);
  await expect(approver.locator(`[data-section="people"] [data-person="${BUDI.id}"]`)).toContainText(BUDI.unit);
  await expect(approver.locator(`[data-section="people"] [data-person="${BUDI.id}"] strong`)).toHaveText('1');
  await expect(approver.locator('[data-section="posts"]')).toContainText(TITLE);
  await expect(approver.locator('[data-section="list"]')).toContainText(BUDI.name);
  await expect(approver.locator(`[data-section="list"] a[href="https://x.com/${HANDLE}/status/${POST_ID}"]`)).toHaveCount(1);

  // 6. The approver withdraws it: at the next feed poll the popup no longer offers it.
  await approver.goto(`${office.origin}/posts/${encodeURIComponent(postId)}`);
  await approver.locator('form[data-action="withdraw"] input[name="comment"]').fill('Jadwal berubah');
  await approver.locator('form[data-action="withdraw"] button').click();
  await expect(approver.locator('[data-status]')).toHaveAttribute('data-status', 'withdrawn');
  await refresh(popup);
  await expect(popup.item(postId)).toHaveCount(0);
  await expect(popup.feedStatus(office.feedUrl)).toHaveAttribute('data-state', 'ok');
});

test('the post form’s preview follows the typing with the extension’s caption engine, and without script “Simpan & pratinjau” shows it', async () => {
  const editor = await signIn(EDITOR);
  const refused: string[] = [];
  editor.on('console', (message) => {
    if (message.type() === 'error') refused.push(message.text());
  });
  await editor.goto(`${office.origin}/posts/new`);
  await expect(editor.locator('[data-preview]')).toHaveCount(0);

  // An emoji and a link: X counts them by twitter-text's weights (2 and 23), not by characters.
  await editor.locator('#f-title').fill('Vaksinasi keliling');
  await editor.locator('#f-link').fill('https://pangkalpinangkota.go.id/berita/vaksinasi-keliling-di-kelurahan');
  await editor.locator('#f-caption_default_0').pressSequentially('Vaksinasi gratis 💉 hari ini');
  const xPreview = editor.locator('[data-preview-platform="x"]');
  await expect(editor.locator('[data-preview-live="updated"]')).toHaveCount(1);
  await expect(xPreview.locator('.preview-caption')).toContainText('Vaksinasi gratis 💉 hari ini');
  const typed = await xPreview.locator('.count').innerText();
  await editor.locator('#f-caption_default_0').pressSequentially('!');
  await expect(xPreview.locator('.count')).not.toHaveText(typed);
  expect(new URL(editor.url()).pathname).toBe('/posts/new');

  // What the browser rendered is what the server renders after saving: one caption engine.
  const live = await editor.locator('[data-preview]').innerText();
  await editor.getByRole('button', { name: message('id', 'post.save') }).click();
  await expect(editor.locator('p.ok[role="status"]')).toContainText(message('id', 'post.saved'));
  expect(await editor.locator('[data-preview]').innerText()).toBe(live);

  // A caption written for X over its limit: blocking, said at once, its count marked.
  await editor.locator('details:has(#f-caption_x_0) > summary').click();
  await editor.locator('#f-caption_x_0').fill('Pasar murah '.repeat(25));
  await expect(editor.locator('[data-problems="error"] li[data-code="caption_over_limit"]')).toContainText('X');
  await expect(xPreview.locator('.count.over')).toHaveCount(1);

  // The header's switch: the page comes back in English, and so does what the live preview says as the editor types.
  await editor.getByRole('link', { name: 'English' }).click();
  await expect(editor.locator('html')).toHaveAttribute('lang', 'en');
  await editor.locator('#f-caption_default_0').fill('Pasar murah '.repeat(30));
  await expect(editor.locator('[data-preview-live="updated"] h2')).toHaveText(message('en', 'preview.title'));
  await expect(editor.locator('[data-problems="warn"] li[data-code="caption_shortened"]').first()).toContainText('The default caption is too long for');
  await editor.getByRole('link', { name: 'Bahasa Indonesia' }).click();
  await expect(editor.locator('html')).toHaveAttribute('lang', 'id');
  expect(refused).toEqual([]);

  // Without script: no live preview, the page works one save at a time.
  const still = await signIn(EDITOR, { javaScriptEnabled: false });
  await still.goto(`${office.origin}/posts/new`);
  await still.locator('#f-title').fill('Tanpa skrip');
  await still.locator('#f-caption_default_0').fill('Tetap bisa dipratinjau');
  await expect(still.locator('[data-preview]')).toHaveCount(0);
  await still.getByRole('button', { name: message('id', 'post.save') }).click();
  await expect(still.locator('[data-preview-platform="x"] .preview-caption')).toContainText('Tetap bisa dipratinjau');
  // The language switch is a plain link: it works without script too.
  await still.getByRole('link', { name: 'English' }).click();
  await expect(still.locator('html')).toHaveAttribute('lang', 'en');
  await expect(still.getByRole('heading', { name: message('en', 'preview.title') })).toBeVisible();
});
