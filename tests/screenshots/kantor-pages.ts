/**
 * Screenshots of Siar Kantor's posts, summary and audit pages at 1280×800 and 390 px, with
 * an axe check of each: `npx tsx tests/screenshots/kantor-pages.ts`. Writes
 * assets/screenshots/kantor-*.png and exits non-zero on a serious or critical violation.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startServer } from '../../server/app';
import { formatWithOffset } from '../../lib/time/zoned-date';

const dataDir = mkdtempSync(join(tmpdir(), 'siar-shots-'));
const server = await startServer({ host: '127.0.0.1', port: 0, database: { kind: 'sqlite', dataDir }, openReports: false });
const { kantor, origin } = server;
await kantor.users.add('rina', 'editor', 'rahasia-rina-123', 'demo');
await kantor.users.add('kabid', 'approver', 'rahasia-kabid-123', 'demo');
await kantor.users.add('admin', 'admin', 'rahasia-admin-123', 'demo');
const rina = { id: 1, name: 'rina', role: 'editor' as const };
const kabid = { id: 2, name: 'kabid', role: 'approver' as const };
const content = (title: string, extra = {}) => ({
  title,
  summary: 'Dirjen IKP membuka Sinergi Aksi dan Komunikasi Publik (SAIK) 2019 di Pangkalpinang.',
  link: 'https://babel.antaranews.com/berita/123/saik-2019',
  image: null,
  captions: { default: ['SAIK 2019 resmi dibuka di Pangkalpinang. Mari bekerja di era milenial!'], x: ['SAIK 2019 dibuka! Humas pemerintah bekerja di era milenial.', 'Humas harus hadir di medsos: SAIK 2019 dibuka hari ini.'] },
  hashtags: ['SAIK2019', 'ASNMilenial'],
  platforms: ['x', 'facebook', 'instagram', 'whatsapp'] as ('x' | 'facebook' | 'instagram' | 'whatsapp')[],
  campaign: 'SAIK 2019',
  priority: 10,
  validFrom: null,
  validUntil: null,
  ...extra,
});
const a = await kantor.posts.create(rina, content('SAIK 2019 dibuka di Pangkalpinang'));
if (!a.ok) throw new Error('seed');
await kantor.posts.act(a.post.id, rina, { type: 'submit' }, 1);
await kantor.posts.act(a.post.id, kabid, { type: 'approve' }, 2);
const b = await kantor.posts.create(rina, content('Tantangan GPR di era digital <b>(draf)</b>'));
if (b.ok) await kantor.posts.act(b.post.id, rina, { type: 'submit' }, 1);
await kantor.posts.create(rina, content('Rekap SAIK 2019', { captions: { x: ['x'.repeat(300)] } }));
const issued = await kantor.people.importCsv(
  ['nip,name,unit', '198703122010011001,Budi Santoso,Bidang IKP', '198703122010011002,Siti Aminah,Bidang IKP', '198703122010011003,Andi Wijaya,Sekretariat', '198703122010011004,Dewi Lestari,Sekretariat', '198703122010011005,Rudi Hartono,Sekretariat'].join('\n'),
  'demo',
);
for (const [i, person] of issued.slice(0, 3).entries()) {
  const enrolled = await (await fetch(`${origin}/api/v1/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: person.code, client: { name: 'siar', version: '1' } }) })).json();
  for (let day = 0; day < 1 + i; day++) {
    const report = {
      id: crypto.randomUUID(), feed_url: `${origin}/feed.json`, item_id: a.post.id, item_url: 'https://babel.antaranews.com/berita/123/saik-2019', platform: ['x', 'facebook', 'whatsapp'][day % 3], status: 'published', method: 'composer',
      post_url: `https://x.com/asn/status/18612345678901234${i}${day}`, shared_at: formatWithOffset(new Date(Date.now() - day * 86400_000), 'Asia/Jakarta'), reporter: enrolled.reporter, client: { name: 'siar', version: '1.0.0' },
    };
    await fetch(`${origin}/api/v1/shares`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${enrolled.token}` }, body: JSON.stringify({ reports: [report] }) });
  }
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
let serious = 0;
async function signIn(page: Page, name: string) {
  await page.goto(`${origin}/login`);
  await page.fill('input[name=name]', name);
  await page.fill('input[name=password]', `rahasia-${name}-123`);
  await page.click('button[type=submit]');
}
const shots: [string, string, string][] = [
  ['kabid', '/posts', 'kantor-posts'],
  ['rina', `/posts/${a.post.id}`, 'kantor-post'],
  ['rina', '/posts/new', 'kantor-post-new'],
  ['admin', '/rekap', 'kantor-rekap'],
  ['admin', '/audit', 'kantor-audit'],
];
for (const [width, height, suffix] of [[1280, 800, ''], [390, 844, '-phone']] as const) {
  for (const [user, path, name] of shots) {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'id-ID' });
    const page = await context.newPage();
    await signIn(page, user);
    await page.goto(`${origin}${path}`);
    if (path === '/posts/new') {
      // The live preview, as the editor types (the page's script, from lib/captions).
      await page.fill('#f-title', 'Pasar murah Ramadan');
      await page.locator('#f-caption_default_0').pressSequentially('Pasar murah hadir di 7 kecamatan mulai Senin, 08.00 WIB.');
      await page.locator('[data-preview-live="updated"]').waitFor();
    }
    await page.screenshot({ path: `assets/screenshots/${name}${suffix}.png`, fullPage: suffix === '' && name !== 'kantor-post-new' });
    const result = await new AxeBuilder({ page }).analyze();
    for (const v of result.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') serious++;
      console.log(`${name}${suffix}: ${v.impact} ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`);
    }
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    if (scroll) console.log(`${name}${suffix}: scrolls sideways`);
    await context.close();
  }
}
await browser.close();
await server.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(`${serious} serious or critical axe violations`);
process.exit(serious > 0 ? 1 : 0);
