import { DEMO_SHOWN_IDS } from '../../server/demo-feed';
import { PopupPage } from './support/popup-page';
import { expect, HistoryPage, outboxSection, seedLegacyShares, sendReportsNow, test, type SeedShare } from './support/report-fixtures';

/**
 * docs/protocol.md §3.5 at scale: 10,000 reports wait (the receiver was down for a long time),
 * the popup still opens at once and says so, and once the receiver is back every one
 * reaches it exactly once, through faults on the way.
 */

const COUNT = 10_000;

test('10,000 waiting reports: the popup stays fast, and all reach the server exactly once', async ({ siar, server, faults }) => {
  test.setTimeout(240_000);
  // The same popup with nothing waiting, for comparison (and the feed is cached before the receiver goes).
  const empty: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = Date.now();
    const warm = await PopupPage.open(siar.context, siar.extensionId);
    await expect(warm.outbox()).toContainText('(0)');
    empty.push(Date.now() - started);
    await expect(warm.items()).toHaveCount(DEMO_SHOWN_IDS.length);
    await warm.page.close();
  }

  await faults.down();
  const now = Date.now();
  const shares: SeedShare[] = Array.from({ length: COUNT }, (_, i) => ({
    itemId: DEMO_SHOWN_IDS[i % 3]!,
    title: `Unggahan ${i}`,
    platform: ['x', 'facebook', 'whatsapp', 'threads'][i % 4]!,
    status: i % 2 ? 'published' : 'confirmed',
    delivery: 'pending',
    // In the last few hours: a receiver rejects a shared_at in the future (docs/protocol.md §3.3).
    sharedAt: new Date(now - (60 + i) * 1000).toISOString(),
  }));
  const ids = await seedLegacyShares(siar, `${faults.origin}/feed.json`, `${faults.origin}/api/v1/shares`, shares);

  // The popup reads a summary, not the 10,000 rows.
  const timings: number[] = [];
  let popup!: PopupPage;
  for (let i = 0; i < 3; i++) {
    const started = Date.now();
    popup = await PopupPage.open(siar.context, siar.extensionId);
    await expect(popup.outbox()).toHaveText(`${COUNT} laporan menunggu dikirim`, { timeout: 60_000 });
    timings.push(Date.now() - started);
    if (i < 2) await popup.page.close();
  }
  console.log(
    `popup outbox line shown in ${empty.join(', ')} ms with nothing waiting; ` +
      `${timings.join(', ')} ms with ${COUNT} waiting (the first open after the restart includes the move into IndexedDB)`,
  );
  await expect(outboxSection(popup)).toContainText('tidak dapat dihubungi');

  const history = await HistoryPage.open(await siar.context.newPage(), siar.extensionId);
  await expect(history.page.locator('.history-counts')).toContainText(`Dibagikan ${COUNT} kali · diterima kantor: 0 · menunggu: ${COUNT}`);
  await expect(history.rows()).toHaveCount(500);
  await history.page.close();

  // Back, but not well: lost answers, a 500, a dropped connection on the way.
  await faults.up();
  faults.schedule.set(2, 'drop-after-store').set(5, 'error500').set(9, 'drop').set(40, 'drop-after-store');
  for (let press = 0; press < 10; press++) {
    const text = await popup.outbox().textContent();
    if (text?.includes('(0)')) break;
    await sendReportsNow(popup);
  }
  await expect(popup.outbox()).toContainText('(0)');

  const rows = server.storedRows();
  expect(rows).toHaveLength(COUNT);
  expect(new Set(rows.map((row) => row.id))).toEqual(new Set(ids));
  const sent = faults.requests.flatMap((request) => request.ids);
  expect(new Set(sent)).toEqual(new Set(ids));
  expect(Math.max(...faults.requests.map((request) => request.ids.length))).toBe(100);
  console.log(`${faults.requests.length} requests carried ${sent.length} reports for ${COUNT} shares`);
});
