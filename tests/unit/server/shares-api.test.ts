import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/app';
import { makeReport } from './report-fixture';

const report = makeReport;

describe('POST /api/v1/shares', () => {
  let dataDir: string;
  let server: RunningServer;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.origin}/api/v1/shares`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const rows = () => {
    const db = new Database(join(dataDir, 'siar.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT * FROM reports').all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  };

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'siar-server-'));
    server = await startServer({ host: '127.0.0.1', port: 0, dataDir, tokens: null });
  });
  afterEach(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores a report and answers accepted; a resend is a duplicate, stored once', async () => {
    const r = report();
    const first = await post({ reports: [r] });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: [r.id], duplicate: [], rejected: [] });
    const again = await post({ reports: [r, r] });
    expect(await again.json()).toEqual({ accepted: [], duplicate: [r.id, r.id], rejected: [] });
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toMatchObject({ id: r.id, reporter_name: 'Budi Santoso', post_url: r.post_url });
  });

  it('rejects an id reused for a different share', async () => {
    const r = report();
    await post({ reports: [r] });
    const answer = await (await post({ reports: [{ ...r, platform: 'facebook' }] })).json();
    expect(answer.rejected).toEqual([{ id: r.id, reason: expect.stringContaining('different share') }]);
    expect(rows()).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{"reports": ['],
    ['no reports', { reports: [] }],
    ['over 100 reports', { reports: Array.from({ length: 101 }, () => report()) }],
    ['a missing field', { reports: [{ ...report(), post_url: undefined }] }],
    ['a bad platform', { reports: [report({ platform: 'myspace' })] }],
    ['a bad id', { reports: [report({ id: 'not-a-uuid' })] }],
  ])('answers 400 for %s and stores nothing', async (_label, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const answer = await response.json();
    expect(answer.issues.length).toBeGreaterThan(0);
    expect(rows()).toHaveLength(0);
  });

  it('names the field path of a validation error', async () => {
    const answer = await (await post({ reports: [report(), report({ reporter: { id: 1, name: '', unit: '' } })] })).json();
    expect(answer.issues).toContainEqual({ path: 'reports.1.reporter.id', message: expect.any(String) });
  });

  it('answers 413 for a body over 1 MiB', async () => {
    const response = await post({ reports: [report({ item_id: 'x'.repeat(1024 * 1024) })] });
    expect(response.status).toBe(413);
  });

  it('asks for a bearer token when tokens are set', async () => {
    await server.close();
    server = await startServer({ host: '127.0.0.1', port: 0, dataDir, tokens: new Set(['rahasia']) });
    expect((await post({ reports: [report()] })).status).toBe(401);
    expect((await post({ reports: [report()] }, { Authorization: 'Bearer salah' })).status).toBe(403);
    expect((await post({ reports: [report()] }, { Authorization: 'Bearer rahasia' })).status).toBe(200);
  });

  it('serves the demo feed with an ETag and answers 304', async () => {
    const first = await fetch(`${server.origin}/feed.json`);
    const etag = first.headers.get('etag');
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    expect(etag).toBeTruthy();
    const second = await fetch(`${server.origin}/feed.json`, { headers: { 'If-None-Match': etag! } });
    expect(second.status).toBe(304);
  });

  it('lists received reports on its HTML page, escaped', async () => {
    await post({ reports: [report({ reporter: { id: '1', name: '<script>x</script>', unit: 'U' } })] });
    const html = await (await fetch(`${server.origin}/`)).text();
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>x');
  });
});
