import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SHOWN_IDS } from '../../server/demo-feed';
import { SCREENSHOT_DIR } from './support/paths';
import { PopupPage } from './support/popup-page';
import { expect, HistoryPage, seedLegacyShares, sendReportsNow, test, type ExtensionGlobal, type SeedShare } from './support/report-fixtures';

const [SAIK, GPR, ASN] = DEMO_SHOWN_IDS as [string, string, string];
const TITLES: Record<string, string> = {
  [SAIK]: 'SAIK 2019 dibuka di Pangkalpinang: humas pemerintah diajak bekerja di era milenial',
  [GPR]: 'Tantangan government public relations di era digital',
  [ASN]: 'ASN Humas diajak aktif di media sosial setiap hari',
};

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

test('the history shows every share with its status, filters by date, exports CSV and charts 30 days', async ({ siar, server, faults }) => {
  faults.fault = 'error500'; // the pending one stays pending while we look
  const page = await siar.context.newPage();
  await page.goto(`chrome-extension://${siar.extensionId}/shares.html`);
  const today = await page.evaluate(() => new Intl.DateTimeFormat('en-CA').format(new Date()));
  const at = (days: number, time: string) => `${addDays(today, days)}T${time}+07:00`;
  const seed = (itemId: string, over: Partial<SeedShare>): SeedShare => ({
    itemId,
    title: TITLES[itemId]!,
    platform: 'x',
    status: 'confirmed',
    delivery: 'delivered',
    sharedAt: at(0, '08:00:00'),
    ...over,
  });
  await seedLegacyShares(siar, `${faults.origin}/feed.json`, `${faults.origin}/api/v1/shares`, [
    seed(SAIK, { platform: 'x', status: 'published', sharedAt: at(0, '07:05:00'), postUrl: 'https://x.com/budi_asn/status/1861234567890123456' }),
    seed(SAIK, { platform: 'whatsapp', sharedAt: at(0, '07:30:00') }),
    seed(GPR, { platform: 'facebook', delivery: 'pending', sharedAt: at(0, '09:10:00') }),
    seed(ASN, { platform: 'telegram', delivery: 'local', sharedAt: at(-1, '10:00:00') }),
    seed(GPR, { platform: 'threads', delivery: 'failed', reason: 'item unknown to this office', sharedAt: at(-1, '16:45:00') }),
    seed(ASN, { platform: 'x', status: 'published', sharedAt: at(-3, '12:00:00') }),
    seed(SAIK, { platform: 'facebook', sharedAt: at(-40, '12:00:00') }),
  ]);

  const history = await HistoryPage.open(await siar.context.newPage(), siar.extensionId);
  // The worker moves the seeded shares over as it starts: the page shows them as they arrive.
  await expect.poll(() => history.hooks()).toEqual([
    { item: GPR, platform: 'facebook', status: 'pending' },
    { item: SAIK, platform: 'whatsapp', status: 'confirmed' },
    { item: SAIK, platform: 'x', status: 'published' },
    { item: GPR, platform: 'threads', status: 'failed' },
    { item: ASN, platform: 'telegram', status: 'pending' },
    { item: ASN, platform: 'x', status: 'published' },
    { item: SAIK, platform: 'facebook', status: 'confirmed' },
  ]);
  await expect(history.page.locator('[data-siar-history-row][data-status="failed"]')).toContainText('item unknown to this office');
  await expect(history.page.locator('[data-siar-history-row][data-platform="x"][data-item="saik-2019-pembukaan"] a.post-link')).toHaveAttribute(
    'href',
    'https://x.com/budi_asn/status/1861234567890123456',
  );
  await expect(history.page.locator('[data-siar-history-row][data-platform="telegram"]')).toContainText('Hanya di perangkat ini');

  // The chart: 30 bars, today 3, yesterday 2, three days ago 1; the share of 40 days ago is outside.
  const bars = history.page.locator('figure.chart g[data-date]');
  await expect(bars).toHaveCount(30);
  await expect(history.page.locator(`figure.chart g[data-date="${today}"]`)).toHaveAttribute('data-count', '3');
  await expect(history.page.locator(`figure.chart g[data-date="${addDays(today, -1)}"]`)).toHaveAttribute('data-count', '2');
  await expect(history.page.locator(`figure.chart g[data-date="${addDays(today, -3)}"]`)).toHaveAttribute('data-count', '1');
  await expect(history.page.locator('figure.chart figcaption')).toContainText('jumlah 6');
  await history.page.screenshot({ path: join(SCREENSHOT_DIR, 'history.png'), fullPage: true });

  // Yesterday only.
  await history.page.locator('input[name="from"]').fill(addDays(today, -1));
  await history.page.locator('input[name="to"]').fill(addDays(today, -1));
  await expect.poll(async () => (await history.hooks()).map((row) => row.platform)).toEqual(['threads', 'telegram']);
  await expect(history.page.locator('.history-counts')).toContainText('Dibagikan 2 kali · diterima kantor: 0 · menunggu: 1 · ditolak: 1');

  // CSV of what is shown.
  const [download] = await Promise.all([history.page.waitForEvent('download'), history.page.locator('[data-siar-history-export]').click()]);
  expect(download.suggestedFilename()).toBe(`siar-riwayat-${addDays(today, -1)}_${addDays(today, -1)}.csv`);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFFshared_at,item_title,item_id,item_url,platform,status,method,post_url,reason,report_id,feed_url,receiver\r\n')).toBe(true);
  const lines = csv.trim().split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain(`,${GPR},`);
  expect(lines[1]).toContain(',threads,failed,manual,,item unknown to this office,');
  expect(lines[2]).toContain(',telegram,pending,manual,');

  // The pending report goes once the receiver recovers, and the page follows without a reload.
  await history.page.getByRole('button', { name: 'Semua tanggal' }).click();
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  await popup.page.locator('main.popup[aria-busy="false"]').waitFor();
  faults.fault = 'pass';
  await sendReportsNow(popup);
  await expect(history.page.locator(`[data-siar-history-row][data-platform="facebook"][data-item="${GPR}"]`)).toHaveAttribute('data-status', 'confirmed');
  expect(server.storedRows().map((row) => row.platform)).toEqual(['facebook']);
});

test('a share made in the popup appears in the history, pending until the receiver takes it; English', async ({ siar, faults }) => {
  faults.fault = 'error500';
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  await popup.confirmShared(ASN, 'whatsapp', 'https://wa.me/p/123');
  // The footer's link opens the history.
  const [tab] = await Promise.all([siar.context.waitForEvent('page'), popup.page.getByRole('link', { name: 'Riwayat' }).click()]);
  await tab.locator('main.history[aria-busy="false"]').waitFor();
  const row = tab.locator(`[data-siar-history-row][data-item="${ASN}"]`);
  await expect(row).toHaveAttribute('data-status', 'pending');
  await expect(row).toHaveAttribute('data-platform', 'whatsapp');
  await expect(row).toContainText('Menunggu dikirim');

  faults.fault = 'pass';
  await sendReportsNow(popup);
  await expect(row).toHaveAttribute('data-status', 'confirmed');

  await siar.worker.evaluate(async () => {
    const local = (globalThis as unknown as ExtensionGlobal).chrome.storage.local;
    const { settings } = await local.get('settings');
    await local.set({ settings: { ...((settings as object) ?? { reporter: { id: '', name: '', unit: '' } }), language: 'en' } });
  });
  await expect(tab.locator('h1')).toHaveText('Siar share history');
  await expect(row).toContainText('Confirmed · received by the office');
  await tab.setViewportSize({ width: 900, height: 600 });
  await tab.screenshot({ path: join(SCREENSHOT_DIR, 'history-en.png') });
});
