import { DEMO_SHOWN_IDS } from '../../server/demo-feed';
import { OptionsPage } from './support/options-page';
import { PopupPage } from './support/popup-page';
import { expect, outboxSection, test } from './support/report-fixtures';

/** docs/protocol.md §3.5: 401 / 403 stop sending to that receiver and ask the user to fix the token. */

const [SAIK, GPR] = DEMO_SHOWN_IDS as [string, string];

test.use({ serverTokens: ['token-kantor'] });

test('a refused token pauses the receiver, keeps the reports, and a new token sends them', async ({ siar, server, faults }) => {
  const popup = await PopupPage.open(siar.context, siar.extensionId);
  await popup.confirmShared(SAIK, 'x');
  await faults.waitForRequests(1);
  await expect(popup.outbox()).toContainText('1 laporan menunggu');
  await expect(outboxSection(popup)).toContainText('Penerima laporan menolak token Anda');
  await expect(outboxSection(popup).getByRole('button', { name: 'Perbaiki token' })).toBeVisible();

  // Paused: a new share waits without a request.
  await popup.confirmShared(GPR, 'facebook');
  await expect(popup.outbox()).toContainText('2 laporan menunggu');
  // "Kirim sekarang" asks the paused receiver once more, after any round already running: its
  // request is the second one only if the new share sent nothing by itself.
  await popup.page.locator('[data-siar-send-now]').click();
  const asked = await faults.waitForRequests(2);
  expect(asked.ids).toHaveLength(2);
  expect(faults.requests).toHaveLength(2);
  expect(server.storedRows()).toHaveLength(0);

  // "Perbaiki token" leads to the options page, which says why and how many wait.
  const [optionsTab] = await Promise.all([
    siar.context.waitForEvent('page'),
    outboxSection(popup).getByRole('button', { name: 'Perbaiki token' }).click(),
  ]);
  await optionsTab.waitForLoadState();
  await optionsTab.close();
  const options = await OptionsPage.open(siar.context, siar.extensionId);
  const warning = options.page.locator('[data-siar-token-refused]');
  await expect(warning).toContainText('2 laporan menunggu');

  await options.page.locator('input[name="report-token"]').fill('token-kantor');
  await options.page.locator('#identity-heading ~ form button[type="submit"]').click();
  // The background resumes by itself once the token changes.
  await expect.poll(() => server.storedRows().length).toBe(2);
  await expect(warning).toHaveCount(0);
  await expect(popup.outbox()).toContainText('(0)');
  expect(faults.requests.at(-1)?.ids).toHaveLength(2);
});
