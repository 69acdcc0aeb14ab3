import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKeys, privateKeyFromText } from '../../../server/signing';
import { REPORTER } from '../support/fixtures';
import { launchWithExtension, type LaunchedExtension } from '../support/launch';
import { ROOT, SCREENSHOT_DIR } from '../support/paths';
import { canWritePolicy, clearSiarPolicy, writeSiarPolicy } from '../support/policy';
import { startTestServer, type TestServer } from '../support/reference-server';
import { serveSite, SiarOnSite } from '../support/site-fixtures';

/**
 * Issue 11, the office's side of the site check (docs/protocol.md §7.1): a person enrolled at
 * a real Siar Kantor breaks LinkedIn three times in a row (the fixture broken on purpose); their
 * Siar sends the counters at once, and the office's dashboard says since when insertion fails.
 * When it works again, the next send clears the line.
 */

const ITEM = 'tantangan-gpr-digital';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const STAFF = { name: 'rina', password: 'kata-sandi-uji-e2e-2026' };
const keys = generateSigningKeys();

let siar: LaunchedExtension | null = null;
let office: TestServer | null = null;
test.afterEach(async () => {
  await siar?.context.close();
  if (siar) rmSync(siar.userDataDir, { recursive: true, force: true });
  clearSiarPolicy();
  await office?.close();
  if (office) rmSync(office.dataDir, { recursive: true, force: true });
  siar = office = null;
});

test.skip(!canWritePolicy(), 'deploys Siar through managed policy (run as root, as CI does)');

test('Site check at the office: three failures on LinkedIn reach Siar Kantor, whose dashboard says insertion fails since when; a success clears it', async () => {
  office = await startTestServer({ signingKey: privateKeyFromText(keys.privateKey), people: [REPORTER] });
  await office.kantor.users.add(STAFF.name, 'admin', STAFF.password, 'e2e');
  writeSiarPolicy({});
  siar = await launchWithExtension();
  const { context, extensionId } = siar;

  // Enrolled with the person's code, as the office hands it out.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('[data-siar-enroll]').fill(`${office.origin}/daftar#${office.codes[REPORTER.id]!}`);
  await options.locator('[data-siar-enroll-submit]').click();
  await expect(options.locator('[data-siar-enroll-result="ok"]')).toContainText(REPORTER.name);

  // The office's dashboard, signed in as staff: nothing to say yet.
  const dashboard = await context.newPage();
  await dashboard.goto(`${office.origin}/login`);
  await dashboard.locator('#name').fill(STAFF.name);
  await dashboard.locator('#password').fill(STAFF.password);
  await dashboard.locator('button[type="submit"]').click();
  await dashboard.goto(`${office.origin}/dashboard`);
  await expect(dashboard.locator('h1')).toContainText('Dasbor');
  await expect(dashboard.locator('[data-site-health]')).toHaveCount(0);

  await serveSite(context, 'linkedin', ['https://www.linkedin.com']);
  const page = await context.newPage();
  // The fixture broken on purpose: LinkedIn renamed its editor's class.
  await page.goto('https://www.linkedin.com/feed/?variant=broken');
  await page.getByText('Start a post').click();
  const site = new SiarOnSite(page);
  for (let attempt = 1; attempt <= 3; attempt++) {
    await site.insert(ITEM);
    await expect(site.status()).toHaveClass(/error/);
  }
  await expect(page.locator('siar-root [data-siar-site-warning]')).toContainText('LinkedIn');

  // The third failure made the step failing: Siar sent its counters without waiting for the day's send.
  await expect
    .poll(async () => {
      await dashboard.reload();
      return dashboard.locator('[data-site-health-line="linkedin"][data-step="composer"]').count();
    })
    .toBe(1);
  const line = dashboard.locator('[data-site-health-line="linkedin"]');
  await expect(line).toContainText(new RegExp(`Penyisipan di LinkedIn gagal sejak (\\d{4}-\\d\\d-\\d\\d )?\\d\\d:\\d\\d \\(versi ${VERSION.replace(/\./g, '\\.')}\\)`));
  await expect(line).toContainText('3 gagal · 1 orang');
  await expect(line).not.toContainText('failing');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await dashboard.locator('[data-site-health]').screenshot({ path: join(SCREENSHOT_DIR, 'kantor-site-health.png') });
  await dashboard.screenshot({ path: join(SCREENSHOT_DIR, 'kantor-dashboard-site-health.png'), fullPage: true });
  // The header's switch: the same line in English, and back.
  await dashboard.getByRole('link', { name: 'English' }).click();
  await expect(line).toContainText('Insertion on LinkedIn failing since');
  await expect(line).toContainText('3 failures · 1 person');
  await dashboard.getByRole('link', { name: 'Bahasa Indonesia' }).click();
  await expect(dashboard.locator('html')).toHaveAttribute('lang', 'id');

  // LinkedIn as it is today: the composer is found again; that send clears the office's line.
  await page.goto('https://www.linkedin.com/feed/?variant=interop');
  await page.getByText('Start a post').click();
  await site.insert(ITEM);
  await expect(site.status()).toHaveClass(/ok/);
  await expect
    .poll(async () => {
      await dashboard.reload();
      return dashboard.locator('[data-site-health]').count();
    })
    .toBe(0);
});
