import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGES } from '../../server/i18n/messages';
import { OFFICE_STAFF, seedOffice, type SeededOffice } from './support/kantor-office';
import { CHROMIUM_PATH, SCREENSHOT_DIR } from './support/paths';

/**
 * Issue 13, "usable at 1280×800 and at 390 px phone width", "axe reports 0 serious
 * violations": every staff page of Siar Kantor, in real Chromium at both sizes, with
 * something on it (seeded through the office's own code and API). A page must not scroll
 * sideways, nor may any box in it (a wide table becomes cards on a phone instead), and axe
 * finds nothing serious or critical. The README's screenshots of the office are taken
 * here (`npm run screenshots`, or SIAR_SCREENSHOTS=update on this spec alone).
 */

type Who = keyof typeof OFFICE_STAFF | null;

interface StaffPage {
  name: string;
  who: Who;
  path: (seed: SeededOffice) => string;
  /** What a person does on the page before it is looked at (a form sent, text typed). */
  then?: (page: Page, width: number) => Promise<void>;
  /** The README's screenshot of it, if it has one. */
  shot?: string;
}

const PAGES: StaffPage[] = [
  { name: 'sign-in', who: null, path: () => '/login' },
  {
    name: 'sign-in, wrong password',
    who: null,
    path: () => '/login',
    then: async (page) => {
      await page.locator('#name').fill('rina');
      await page.locator('#password').fill('bukan-kata-sandinya');
      await page.locator('button[type=submit]').click();
      await expect(page.locator('.error[role=alert]')).toBeVisible();
    },
  },
  { name: 'enrollment link', who: null, path: () => '/daftar' },
  { name: 'posts (approver)', who: 'approver', path: () => '/posts', shot: 'kantor-posts' },
  { name: 'posts (editor)', who: 'editor', path: () => '/posts' },
  {
    name: 'new post, live preview',
    who: 'editor',
    path: () => '/posts/new',
    shot: 'kantor-post-new',
    then: async (page) => {
      await page.locator('#f-title').fill('Pasar murah Ramadan');
      await page.locator('#f-caption_default_0').pressSequentially('Pasar murah hadir di 7 kecamatan mulai Senin, 08.00 WIB.');
      await page.locator('[data-preview-live="updated"]').waitFor();
    },
  },
  { name: 'draft with problems (editor)', who: 'editor', path: ({ posts }) => `/posts/${posts.draft}`, shot: 'kantor-post' },
  { name: 'submitted post (approver)', who: 'approver', path: ({ posts }) => `/posts/${posts.submitted}`, shot: 'kantor-approve' },
  { name: 'approved post (admin)', who: 'admin', path: ({ posts }) => `/posts/${posts.approved}` },
  { name: 'people', who: 'admin', path: () => '/people', shot: 'kantor-people' },
  {
    name: 'people, codes issued',
    who: 'admin',
    path: () => '/people',
    then: async (page, width) => {
      const csv = `nip,name,unit\n19900101201501${String(width).padStart(4, '0')},Nur Hidayah,Bagian Protokol dan Komunikasi Pimpinan\n`;
      await page.locator('input[name=file]').setInputFiles({ name: 'pegawai.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.locator('form[action="/people/import"] button[type=submit]').click();
      await expect(page.locator('section.ok table tbody tr')).toHaveCount(1);
    },
  },
  {
    name: 'people, import refused',
    who: 'admin',
    path: () => '/people',
    then: async (page) => {
      const csv = 'nip,name,unit\n198703122010011001,Budi Santoso,Sekretariat\n12,Tanpa NIP,Sekretariat\n';
      await page.locator('input[name=file]').setInputFiles({ name: 'pegawai.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.locator('form[action="/people/import"] button[type=submit]').click();
      await expect(page.locator('section.error[role=alert] li').first()).toBeVisible();
    },
  },
  { name: 'dashboard with the site check', who: 'admin', path: () => '/dashboard', shot: 'kantor-dashboard' },
  { name: 'dashboard, a bad range', who: 'editor', path: () => '/dashboard?from=2026-13-01&to=2026-01-01' },
  { name: 'reports received', who: 'approver', path: () => '/' },
  { name: 'audit log', who: 'admin', path: () => '/audit', shot: 'kantor-audit' },
  {
    name: 'password',
    who: 'editor',
    path: () => '/account',
    then: async (page) => {
      await page.locator('#current').fill(OFFICE_STAFF.editor.password);
      await page.locator('#password').fill('kata-sandi-baru-2026');
      await page.locator('#repeat').fill('kata-sandi-lain-2026');
      await page.locator('button[type=submit].primary').click();
      await expect(page.locator('.error[role=status]')).toBeVisible();
    },
  },
  { name: 'not found', who: 'editor', path: () => '/posts/tidak-ada' },
  { name: 'not allowed (editor on the audit log)', who: 'editor', path: () => '/audit' },
];

const SIZES = [
  { width: 390, height: 844, suffix: '-phone' },
  { width: 1280, height: 800, suffix: '' },
] as const;

let seed: SeededOffice;
let browser: Browser;
/** Each staff member's signed-in cookies: signed in once through /login, then reused by every page. */
const signedIn = new Map<Who, BrowserContextOptions['storageState']>();

test.beforeAll(async () => {
  seed = await seedOffice();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
  for (const who of Object.keys(OFFICE_STAFF) as (keyof typeof OFFICE_STAFF)[]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${seed.office.origin}/login`);
    await page.locator('#name').fill(OFFICE_STAFF[who].name);
    await page.locator('#password').fill(OFFICE_STAFF[who].password);
    await page.locator('button[type=submit]').click();
    await expect(page.locator('header.top')).toContainText(OFFICE_STAFF[who].name);
    signedIn.set(who, await context.storageState());
    await context.close();
  }
});

test.afterAll(async () => {
  await browser?.close();
  await seed?.office.close();
  if (seed) rmSync(seed.office.dataDir, { recursive: true, force: true });
});

async function open(who: Who, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'id-ID', storageState: signedIn.get(who) });
  return context.newPage();
}

/** What scrolls sideways: the page itself, or any box in it (inputs aside, whose text may). */
function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) found.push(`the page (${root.scrollWidth} px in ${window.innerWidth})`);
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      if (element.matches('input, textarea, select, svg, svg *')) continue;
      const overflow = getComputedStyle(element).overflowX;
      if ((overflow === 'auto' || overflow === 'scroll') && element.scrollWidth > element.clientWidth + 1) {
        const where = element.getAttribute('data-section') ?? element.getAttribute('aria-label') ?? element.querySelector('h2')?.textContent ?? element.tagName;
        found.push(`${element.tagName.toLowerCase()} "${where.trim().slice(0, 60)}" (${element.scrollWidth} px in ${element.clientWidth})`);
      }
    }
    return found;
  });
}

/** Tables of more than three columns still laid out as a table (on a phone they become cards; data-table-on-phone keeps one). */
function wideTables(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLTableElement>('main table:not([data-table-on-phone])')]
      .filter((table) => (table.rows[0]?.cells.length ?? 0) > 3 && getComputedStyle(table.rows[0]!).display === 'table-row')
      .map((table) => table.closest('section')?.querySelector('h2')?.textContent?.trim() ?? 'table'),
  );
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const staffPage of PAGES) {
  test(`${staffPage.name}, at 390×844 and 1280×800: no sideways scroll, no serious axe violation`, async () => {
    for (const { width, height, suffix } of SIZES) {
      const page = await open(staffPage.who, width, height);
      try {
        await page.goto(seed.office.origin + staffPage.path(seed));
        await staffPage.then?.(page, width);
        await expect(page.locator('main')).not.toBeEmpty();
        expect(await sideways(page), `${staffPage.name} at ${width} px scrolls sideways`).toEqual([]);
        if (width < 600) expect(await wideTables(page), `${staffPage.name} at ${width} px: tables that stay tables`).toEqual([]);
        expect(await seriousViolations(page), `${staffPage.name} at ${width} px: axe`).toEqual([]);
        if (staffPage.shot) {
          mkdirSync(SCREENSHOT_DIR, { recursive: true });
          // A phone shows its first screen; a window, the whole page (the new post's form is long: its first screen too).
          await page.screenshot({ path: join(SCREENSHOT_DIR, `${staffPage.shot}${suffix}.png`), fullPage: suffix === '' && staffPage.shot !== 'kantor-post-new' });
        }
      } finally {
        await page.context().close();
      }
    }
  });
}

test('the checks above can fail: a table too wide for a phone, a wide table left a table, an input without a label', async () => {
  const page = await open('admin', 390, 844);
  try {
    await page.goto(`${seed.office.origin}/dashboard`);
    expect(await sideways(page)).toEqual([]);
    // A plain table whose cells do not wrap, as a page would have without the phone layout.
    await page.locator('[data-section="posts"]').evaluate((section) => {
      const row = section.appendChild(document.createElement('table')).insertRow();
      for (let i = 0; i < 4; i++) Object.assign(row.insertCell(), { textContent: '198703122010011001' }).style.whiteSpace = 'nowrap';
    });
    expect((await sideways(page)).join('\n')).toContain('posts');
    // Four columns and no phone layout: it is a table still.
    expect(await wideTables(page)).toEqual([MESSAGES['dash.perPost'].id]);
    await page.locator('main').evaluate((main) => {
      const wide = main.appendChild(document.createElement('div'));
      Object.assign(wide, { textContent: 'x' }).style.width = '600px';
    });
    expect((await sideways(page)).join('\n')).toContain('the page');
    await page.locator('main').evaluate((main) => main.appendChild(document.createElement('input')));
    expect((await seriousViolations(page)).join('\n')).toContain('label');
  } finally {
    await page.context().close();
  }
});
