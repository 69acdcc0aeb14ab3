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

  it('counts one day: every share, unverified apart by the unit they claim, with post links', async () => {
    const response = await fetch(`${server.origin}/dashboard?date=2026-11-26`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<strong data-total="shares">4</strong>');
    expect(html).toContain('<strong data-total="unverified">4</strong>');
    // Nobody enrolled shared: no verified sharers, and the four shares are listed apart, per claimed unit.
    expect(html).toContain('<strong data-total="sharers">0</strong>');
    expect(html).toMatch(/data-unverified-unit="Diskominfo Kota Pangkalpinang"><td>Diskominfo Kota Pangkalpinang<\/td><td><strong>3<\/strong>/);
    expect(html).toMatch(/data-unverified-unit="Humas Setda Provinsi"><td>Humas Setda Provinsi<\/td><td><strong>1<\/strong>/);
    expect(html).toContain('href="https://x.com/budi/status/1"');
    expect(html).toContain('Sari &lt;b&gt;Dewi&lt;/b&gt;');
    expect(html).not.toContain('<b>Dewi</b>');
    // The 00:30 WIB share of the 27th is not the 26th's.
    expect((await (await fetch(`${server.origin}/dashboard?from=2026-11-26&to=2026-11-27`)).text())).toContain('<strong data-total="shares">5</strong>');
  });

  it('exports the day as CSV, safe for spreadsheets', async () => {
    const response = await fetch(`${server.origin}/dashboard.csv?date=2026-11-25`);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="siar-laporan-2026-11-25.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0]).toBe('shared_at;nip;name;unit;verified;item_id;item_url;platform;status;method;post_url;id');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(";tidak;'=cmd|calc;");
    const comma = await (await fetch(`${server.origin}/dashboard.csv?from=2026-11-25&to=2026-11-27&sep=comma`)).text();
    expect(comma.trim().split('\r\n')).toHaveLength(7);
    expect(comma).toContain('shared_at,nip,name,unit,');
    // The summary's old address still answers, with the same range.
    const old = await fetch(`${server.origin}/rekap?from=2026-11-25&to=2026-11-26`, { redirect: 'manual' });
    expect([old.status, old.headers.get('location')]).toEqual([301, '/dashboard?from=2026-11-25&to=2026-11-26']);
  });

  it('shows today in the server’s zone by default, and refuses a bad date', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    await post([makeReport({ shared_at: `${today}T12:00:00+07:00` })]);
    const html = await (await fetch(`${server.origin}/dashboard`)).text();
    expect(html).toContain(`name="to" value="${today}"`);
    expect(html).toContain(`href="/dashboard.csv?from=`);
    for (const bad of ['26-11-2026', '2026-02-30', 'x']) {
      expect((await fetch(`${server.origin}/dashboard?date=${bad}`)).status).toBe(400);
    }
  });
});
