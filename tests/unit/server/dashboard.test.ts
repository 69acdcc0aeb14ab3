import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IncomingReport } from '../../../server/report-schema';
import { toRow } from '../../../server/store/reports';
import { DATABASES } from './databases';
import { makeReport } from './report-fixture';
import { startKantor, type TestKantor } from './test-server';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const budi = { id: '198703122010011001', name: 'Budi Santoso', unit: 'Diskominfo Kota Pangkalpinang' };
const sari = { id: '199001012015022002', name: 'Sari <b>Dewi</b>', unit: 'Humas Setda Provinsi' };
const tono = { id: '198512122010011003', name: 'Tono', unit: 'Diskominfo Kota Pangkalpinang' };

/** The dashboard's counts on both databases; sign-in and roles are staff-pages.test.ts's concern (open dashboard here). */
describe.each(DATABASES)('the office dashboard on %s', (kind) => {
  let server: TestKantor;
  // Stored directly: these fixed days are older than the receiver's 30-day window would take one day.
  const store = (reports: Record<string, unknown>[]) =>
    server.kantor.reports.storeDurably(reports.map((r) => toRow(r as unknown as IncomingReport, new Date().toISOString(), { personId: null, verified: false })));
  const post = (reports: unknown[]) =>
    fetch(`${server.origin}/api/v1/shares`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reports }) });

  beforeAll(async () => {
    server = await startKantor(kind, { openReports: true, openDashboard: true });
    await store([
      makeReport({ reporter: budi, platform: 'x', post_url: 'https://x.com/budi/status/1', shared_at: '2026-11-26T09:14:03+07:00' }),
      makeReport({ reporter: budi, platform: 'facebook', post_url: null, shared_at: '2026-11-26T09:15:03+07:00' }),
      makeReport({ reporter: sari, platform: 'x', item_id: 'tantangan-gpr', item_url: null, shared_at: '2026-11-26T23:59:00+08:00' }),
      makeReport({ reporter: tono, platform: 'whatsapp', status: 'confirmed', method: 'manual', post_url: null, shared_at: '2026-11-26T10:00:00+07:00' }),
      // Another day in its own zone: 00:30 WIB on the 27th is not the 26th.
      makeReport({ reporter: tono, shared_at: '2026-11-27T00:30:00+07:00' }),
      makeReport({ reporter: budi, item_id: '=cmd|calc', shared_at: '2026-11-25T10:00:00+07:00' }),
    ]);
  });
  afterAll(() => server.stop());

  it('counts one day per item, per platform and per unit, with post links', async () => {
    const response = await fetch(`${server.origin}/dashboard?date=2026-11-26`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<strong data-total="shares">4</strong>');
    expect(html).toContain('<strong data-total="reporters">3</strong>');
    expect(html).toContain('<strong data-total="items">2</strong>');
    // Per item: the demo item 3 shares by 2 reporters, X 1 · Facebook 1 · WhatsApp 1.
    expect(html).toMatch(/saik-2019-pembukaan<\/a><\/td><td><strong>3<\/strong><\/td><td>2<\/td><td>(X|Facebook|WhatsApp) 1 · /);
    expect(html).toMatch(/<td>X<\/td><td><strong>2<\/strong><\/td>/);
    expect(html).toMatch(/Diskominfo Kota Pangkalpinang<\/td><td><strong>3<\/strong><\/td><td>2<\/td>/);
    expect(html).toMatch(/Humas Setda Provinsi<\/td><td><strong>1<\/strong><\/td><td>1<\/td>/);
    expect(html).toContain('href="https://x.com/budi/status/1"');
    expect(html).toContain('Sari &lt;b&gt;Dewi&lt;/b&gt;');
    expect(html).not.toContain('<b>Dewi</b>');
  });

  it('exports the day as CSV, safe for spreadsheets', async () => {
    const response = await fetch(`${server.origin}/dashboard.csv?date=2026-11-25`);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="siar-laporan-2026-11-25.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0]).toBe('shared_at,received_at,reporter_id,reporter_name,reporter_unit,verified,item_id,item_url,platform,status,method,post_url,feed_url,id');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",'=cmd|calc,");
  });

  it('shows today in the server’s zone by default, and refuses a bad date', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    await post([makeReport({ shared_at: `${today}T12:00:00+07:00` })]);
    const html = await (await fetch(`${server.origin}/dashboard`)).text();
    expect(html).toContain(`Bagikan pada ${today} (hari ini / today)`);
    expect(html).toContain(`href="/dashboard.csv?date=${today}"`);
    for (const bad of ['26-11-2026', '2026-02-30', 'x']) {
      expect((await fetch(`${server.origin}/dashboard?date=${bad}`)).status).toBe(400);
    }
  });
});
