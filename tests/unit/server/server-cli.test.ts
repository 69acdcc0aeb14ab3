import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReport } from './report-fixture';

const ROOT = resolve(import.meta.dirname, '../../..');

/** `npm run server` as an office runs it: a real process, configured by a file and the environment. */
describe('npm run server', () => {
  let dir: string;
  let child: ChildProcess;
  let origin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'siar-cli-'));
    writeFileSync(join(dir, 'tokens.txt'), '# Diskominfo\ntoken-kantor\n');
    child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/index.ts'), '--port', '0', '--tokens-file', join(dir, 'tokens.txt')], {
      cwd: ROOT,
      env: { ...process.env, SIAR_DATA_DIR: join(dir, 'data'), SIAR_DASHBOARD_AUTH: 'kantor:rahasia' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout! });
    origin = await new Promise<string>((done, fail) => {
      lines.on('line', (line) => {
        const found = /listening on (http:\/\/\S+)/.exec(line);
        if (found) done(found[1]!);
      });
      child.once('exit', (code) => fail(new Error(`the server exited with ${code}`)));
    });
  }, 30_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      await new Promise((done) => {
        child.once('exit', done);
        child.kill('SIGTERM');
      });
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (token?: string) =>
    fetch(`${origin}/api/v1/shares`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ reports: [makeReport()] }),
    });

  it('takes the bearer tokens from the file', async () => {
    expect((await post()).status).toBe(401);
    expect((await post('salah')).status).toBe(403);
    expect((await post('token-kantor')).status).toBe(200);
  });

  it('keeps the reports in SQLite in WAL mode, in the data dir from the environment', async () => {
    const db = new Database(join(dir, 'data', 'siar.sqlite'), { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect((db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n).toBe(1);
    } finally {
      db.close();
    }
  });

  it('serves the feed so that a CDN can front it', async () => {
    const first = await fetch(`${origin}/feed.json`);
    const cache = first.headers.get('cache-control') ?? '';
    expect(cache).toMatch(/\bpublic\b/);
    expect(cache).toMatch(/\bmax-age=60\b/);
    expect(cache).toMatch(/\bstale-if-error=\d+/);
    const etag = first.headers.get('etag');
    const again = await fetch(`${origin}/feed.json`, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    // A 304 carries the same validators and freshness, so that a CDN can refresh its copy.
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe(cache);
  });

  it('asks the dashboard password from the environment', async () => {
    expect((await fetch(`${origin}/dashboard`)).status).toBe(401);
    expect((await fetch(`${origin}/dashboard`, { headers: { Authorization: `Basic ${btoa('kantor:rahasia')}` } })).status).toBe(200);
  });
});
