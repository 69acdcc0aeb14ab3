import { formatWithOffset } from '../../../lib/time/zoned-date';
import { startTestServer, type TestServer } from './reference-server';

/**
 * A Siar Kantor with something on every staff page, for looking at the pages (screenshots,
 * widths, axe): an editor, an approver and an admin; an approved post with shares on three
 * days, a submitted one whose title holds HTML, a draft whose X caption is over the limit;
 * five people in two units, three of them enrolled and sharing; a failing step of the site
 * check, so the dashboard shows its block. Everything goes in through the office's own code
 * and HTTP API, as `siar` and the extension would put it there.
 */

export const OFFICE_STAFF = {
  editor: { name: 'rina', role: 'editor', password: 'rahasia-rina-123' },
  approver: { name: 'kabid', role: 'approver', password: 'rahasia-kabid-123' },
  admin: { name: 'admin', role: 'admin', password: 'rahasia-admin-123' },
} as const;

const PEOPLE = [
  { id: '198703122010011001', name: 'Budi Santoso', unit: 'Bidang Informasi dan Komunikasi Publik' },
  { id: '198703122010011002', name: 'Siti Aminah', unit: 'Bidang Informasi dan Komunikasi Publik' },
  { id: '198703122010011003', name: 'Andi Wijaya', unit: 'Sekretariat' },
  { id: '198703122010011004', name: 'Dewi Lestari', unit: 'Sekretariat' },
  { id: '198703122010011005', name: 'Rudi Hartono', unit: 'Sekretariat' },
];

export interface SeededOffice {
  office: TestServer;
  /** The approved post (shared), the submitted one (waits for the approver), the draft. */
  posts: { approved: string; submitted: string; draft: string };
}

const content = (title: string, extra = {}) => ({
  title,
  summary: 'Dirjen IKP membuka Sinergi Aksi dan Komunikasi Publik (SAIK) 2019 di Pangkalpinang.',
  link: 'https://babel.antaranews.com/berita/123/saik-2019',
  image: null,
  captions: {
    default: ['SAIK 2019 resmi dibuka di Pangkalpinang. Mari bekerja di era milenial!'],
    x: ['SAIK 2019 dibuka! Humas pemerintah bekerja di era milenial.', 'Humas harus hadir di medsos: SAIK 2019 dibuka hari ini.'],
  },
  hashtags: ['SAIK2019', 'ASNMilenial'],
  platforms: ['x', 'facebook', 'instagram', 'whatsapp'] as ('x' | 'facebook' | 'instagram' | 'whatsapp')[],
  campaign: 'SAIK 2019',
  priority: 10,
  validFrom: null,
  validUntil: null,
  ...extra,
});

export async function seedOffice(): Promise<SeededOffice> {
  const office = await startTestServer({ people: PEOPLE, staff: Object.values(OFFICE_STAFF), demoPosts: false });
  const { kantor, origin } = office;
  // Added in OFFICE_STAFF's order: the editor is user 1, the approver user 2.
  const [rina, kabid] = await Promise.all([kantor.users.byId(1), kantor.users.byId(2)]);
  if (!rina || !kabid) throw new Error('seed: staff missing');
  const a = await kantor.posts.create(rina, content('SAIK 2019 dibuka di Pangkalpinang'));
  if (!a.ok) throw new Error('seed: post');
  await kantor.posts.act(a.post.id, rina, { type: 'submit' }, 1);
  await kantor.posts.act(a.post.id, kabid, { type: 'approve' }, 2);
  const b = await kantor.posts.create(rina, content('Tantangan GPR di era digital <b>(draf)</b>'));
  if (!b.ok) throw new Error('seed: post');
  await kantor.posts.act(b.post.id, rina, { type: 'submit' }, 1);
  const c = await kantor.posts.create(rina, content('Rekap SAIK 2019 untuk seluruh perangkat daerah se-Provinsi Kepulauan Bangka Belitung', { captions: { x: ['x'.repeat(300)] } }));
  if (!c.ok) throw new Error('seed: post');

  // Three people enroll through the API, as the extension does, and share on one to three days.
  for (const [i, person] of PEOPLE.slice(0, 3).entries()) {
    const enrolled = (await (
      await fetch(`${origin}/api/v1/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: office.codes[person.id], client: { name: 'siar', version: '1' } }) })
    ).json()) as { token: string; reporter: unknown };
    const post = (body: unknown, path: string) =>
      fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${enrolled.token}` }, body: JSON.stringify(body) });
    for (let day = 0; day < 1 + i; day++) {
      const report = {
        id: crypto.randomUUID(),
        feed_url: `${origin}/feed.json`,
        item_id: a.post.id,
        item_url: 'https://babel.antaranews.com/berita/123/saik-2019',
        platform: ['x', 'facebook', 'whatsapp'][day % 3],
        status: 'published',
        method: 'composer',
        post_url: `https://x.com/asn_pangkalpinang/status/18612345678901234${i}${day}`,
        shared_at: formatWithOffset(new Date(Date.now() - day * 86400_000), 'Asia/Jakarta'),
        reporter: enrolled.reporter,
        client: { name: 'siar', version: '1.0.0' },
      };
      const sent = await post({ reports: [report] }, '/api/v1/shares');
      if (!sent.ok) throw new Error(`seed: report ${sent.status}`);
    }
    if (i === 0) {
      // Insertion on LinkedIn failed three times in a row (docs/protocol.md §7.1): the dashboard's site-check block.
      const today = new Date().toISOString().slice(0, 10);
      const health = { client: { name: 'siar', version: '0.1.0' }, days: [{ day: today, version: '0.1.0', sites: { linkedin: { composer: { ok: 0, fail: 3 } } } }], failing: [{ platform: 'linkedin', step: 'composer', since: new Date(Date.now() - 3600_000).toISOString() }] };
      const sent = await post(health, '/api/v1/site-health');
      if (!sent.ok) throw new Error(`seed: site health ${sent.status}`);
    }
  }
  return { office, posts: { approved: a.post.id, submitted: b.post.id, draft: c.post.id } };
}
