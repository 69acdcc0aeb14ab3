import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { enroll, parseEnrollmentInput, settingsAfterEnrollment, subscriptionsAfterEnrollment, tokensAfterEnrollment } from '@/lib/enroll/enroll';
import { DEFAULT_SETTINGS } from '@/lib/storage';
import { startServer, type RunningServer } from '../../../server/app';

const BUDI = { id: '198703122010011001', name: 'Budi Santoso', unit: 'Diskominfo Kota Pangkalpinang' };

describe('the enrollment link', () => {
  it.each([
    ['the link', 'https://siar.kominfo.go.id/daftar#ABC-123', null, { ok: true, origin: 'https://siar.kominfo.go.id', code: 'ABC-123' }],
    ['the code alone, with enrollment_url', ' ABC-123 ', 'https://siar.kominfo.go.id/daftar', { ok: true, origin: 'https://siar.kominfo.go.id', code: 'ABC-123' }],
    ['the code alone, without enrollment_url', 'ABC-123', null, { ok: false, error: 'bad_link' }],
    ['a link without a code', 'https://siar.kominfo.go.id/daftar', null, { ok: false, error: 'no_code' }],
    ['an http link off loopback', 'http://siar.kominfo.go.id/daftar#ABC', null, { ok: false, error: 'bad_link' }],
    ['nothing', '  ', null, { ok: false, error: 'no_code' }],
  ])('%s', (_label, input, enrollmentUrl, expected) => {
    expect(parseEnrollmentInput(input, enrollmentUrl)).toEqual(expected);
  });
});

describe('enrollment against Siar Kantor', () => {
  let server: RunningServer | null = null;
  let dir: string | null = null;
  afterEach(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    server = null;
    dir = null;
  });

  async function start() {
    dir = mkdtempSync(join(tmpdir(), 'siar-enroll-'));
    server = await startServer({ host: '127.0.0.1', port: 0, dataDir: dir, seedDemoPosts: true });
    // A real code, issued by the office's own import (what `siar people import` runs).
    const [issued] = await server.kantor.people.importCsv(`nip,name,unit\n${BUDI.id},${BUDI.name},${BUDI.unit}`, 'test');
    return { origin: server.origin, code: issued!.code };
  }

  it('takes the token, the office’s record and the feeds; the code works once; the token is accepted', async () => {
    const { origin, code } = await start();
    const result = await enroll(origin, code, '0.1.0');
    expect(result).toMatchObject({ ok: true, origin, reporter: BUDI, feeds: [{ url: `${origin}/feed.json`, report_url: `${origin}/api/v1/shares` }] });
    if (!result.ok) throw new Error('not enrolled');
    expect(await enroll(origin, code, '0.1.0')).toEqual({ ok: false, error: 'gone', reason: 'code_used' });
    expect(await enroll(origin, 'KODE-LAIN', '0.1.0')).toMatchObject({ ok: false, error: 'gone' });
    const settings = settingsAfterEnrollment(DEFAULT_SETTINGS, result, new Date('2026-12-01T00:00:00Z'));
    expect(tokensAfterEnrollment({ reportToken: '', reportTokens: { 'https://lain.go.id': 'x' } }, result).reportTokens).toEqual({ 'https://lain.go.id': 'x', [origin]: result.token });
    expect(settings.enrollment).toEqual({ origin, reporter: BUDI, at: '2026-12-01T00:00:00.000Z' });
    expect(subscriptionsAfterEnrollment([{ url: `${origin}/feed.json`, name: 'mine' }], result.feeds)).toEqual([{ url: `${origin}/feed.json`, name: 'mine', report_url: `${origin}/api/v1/shares` }]);
    const report = await fetch(`${origin}/api/v1/shares`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${result.token}` }, body: '{"reports":[]}' });
    expect(report.status).not.toBe(401);
    expect(report.status).not.toBe(403);
  });

  it('says network when nobody answers', async () => {
    expect(await enroll('http://127.0.0.1:9', 'X', '0.1.0')).toEqual({ ok: false, error: 'network' });
  });
});
