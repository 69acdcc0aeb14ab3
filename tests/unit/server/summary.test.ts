import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../../server/i18n/messages';
import { calendarDate, formatWithOffset } from '../../../lib/time/zoned-date';
import { DATABASES } from './databases';
import { makeReport } from './report-fixture';
import { StaffClient } from './staff-client';
import { nipOf, startKantor, type TestKantor } from './test-server';

/** The dashboard (was `/rekap`): participation per unit from people's own tokens, unverified apart, CSV with ';'. */
describe.each(DATABASES)('the participation summary on %s', (kind) => {
  let server: TestKantor;
  let admin: StaffClient;
  const today = calendarDate(new Date(), 'Asia/Jakarta');

  async function enroll(code: string) {
    const response = await fetch(`${server.origin}/api/v1/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, client: { name: 'siar', version: '1' } }) });
    return (await response.json()) as { token: string; reporter: { id: string; name: string; unit: string } };
  }
  async function share(person: { token: string; reporter: object }, extra: Record<string, unknown> = {}) {
    const report = makeReport({ reporter: person.reporter, shared_at: formatWithOffset(new Date(), 'Asia/Jakarta'), post_url: 'https://x.com/budi/status/1', ...extra });
    const response = await fetch(`${server.origin}/api/v1/shares`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${person.token}` }, body: JSON.stringify({ reports: [report] }) });
    expect((await response.json()).accepted).toHaveLength(1);
  }

  beforeAll(async () => {
    server = await startKantor(kind, { enrollAttemptsPerMinute: 1000 });
    await server.kantor.users.add('admin', 'admin', 'rahasia-admin-123', 'test');
    admin = new StaffClient(server.origin);
    await admin.signIn('admin', 'rahasia-admin-123');
  }, 30_000);
  afterAll(() => server.stop());

  it('ranks units by people who shared ÷ people enrolled, and moves when one more person shares', async () => {
    const csv = ['nip,name,unit', `${nipOf(1)},Budi,Bidang IKP`, `${nipOf(2)},Siti,Bidang IKP`, `${nipOf(3)},Andi,Sekretariat`, `${nipOf(4)},"Dewi; S.Kom",Sekretariat`, `${nipOf(5)},Rudi,Sekretariat`, `${nipOf(6)},Tono,Sekretariat`].join('\n');
    const issued = await server.kantor.people.importCsv(csv, 'test');
    const people = await Promise.all(issued.map((p) => enroll(p.code)));
    await share(people[0]!);
    await share(people[0]!, { platform: 'facebook' });
    await share(people[3]!);
    const page = await admin.page('/dashboard');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/data-unit="Bidang IKP" data-rate="0.5"/);
    expect(page.html).toMatch(/data-unit="Sekretariat" data-rate="0.25"/);
    expect(page.html.indexOf('data-unit="Bidang IKP"')).toBeLessThan(page.html.indexOf('data-unit="Sekretariat"'));
    expect(page.html).toContain('role="img"');
    // Counted per person, per platform and per post (3 shares of one post by 2 people).
    expect(page.html).toMatch(new RegExp(`data-person="${nipOf(1)}"><td>Budi<br/>.*?</td><td><strong>2</strong></td>`));
    expect(page.html).toMatch(/<td>X<\/td><td><strong>2<\/strong><\/td>/);
    expect(page.html).toMatch(/<td>Facebook<\/td><td><strong>1<\/strong><\/td>/);
    expect(page.html).toContain(`<span data-shares="3">${message('id', 'dash.sharedBy', { shares: 3, sharers: 2 })}</span>`);
    admin.cookies.set('lang', 'en');
    expect((await admin.page('/dashboard')).html).toContain(`<span data-shares="3">${message('en', 'dash.sharedBy', { shares: 3, sharers: 2 })}</span>`);
    admin.cookies.delete('lang');

    await share(people[4]!);
    await share(people[5]!);
    const after = await admin.page('/dashboard');
    expect(after.html).toMatch(/data-unit="Sekretariat" data-rate="0.75"/);
    expect(after.html.indexOf('data-unit="Sekretariat"')).toBeLessThan(after.html.indexOf('data-unit="Bidang IKP"'));

    const file = await admin.request('GET', `/dashboard.csv?from=${today}&to=${today}`);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('shared_at;nip;name;unit;verified;item_id;item_url;platform;status;method;post_url;id\r\n')).toBe(true);
    expect(text).toContain(`;${nipOf(4)};"Dewi; S.Kom";Sekretariat;`);
  });

  it('refuses a range that ends before it starts, in both languages', async () => {
    const page = await admin.page('/dashboard?from=2026-11-27&to=2026-11-26');
    expect(page.status).toBe(400);
    expect(page.html).toContain('data-code="range_order"');
  });

  it('shows the audit log and its export to admins only', async () => {
    expect((await admin.page('/audit')).html).toContain('Log audit');
    expect((await admin.request('GET', '/audit.csv')).headers.get('content-type')).toContain('text/csv');
    await server.kantor.users.add('rina', 'editor', 'rahasia-rina-123', 'test');
    const rina = new StaffClient(server.origin);
    await rina.signIn('rina', 'rahasia-rina-123');
    expect((await rina.request('GET', '/audit')).status).toBe(403);
    expect((await rina.request('GET', '/audit.csv')).status).toBe(403);
  });
});
