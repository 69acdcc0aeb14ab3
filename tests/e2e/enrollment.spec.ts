import { test, expect } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DEMO_SHOWN_IDS } from '../../server/demo-feed';
import { TOKEN_CACHE_MS } from '../../server/store/people';
import { launchWithExtension } from './support/launch';
import { ROOT, TMP_DIR } from './support/paths';
import { canWritePolicy, clearSiarPolicy, writeSiarPolicy } from './support/policy';
import { PopupPage } from './support/popup-page';
import { outboxSection, sendReportsNow } from './support/report-fixtures';

/**
 * PROTOCOL §6 end to end: `siar serve` as an office runs it, people registered with
 * `siar people import`, one person's code spent at /api/v1/enroll, and the built extension
 * in Chromium reporting with that person's token. Reports are stored as that person
 * (verified); once `siar people revoke` runs, the receiver answers 401 and Siar stops.
 *
 * The extension's own enrollment form (options, `data-siar-enroll`) is built on branch
 * `proof` in parallel; until it lands, this test calls the enrollment API itself and
 * hands the answer to Siar through managed policy (PROTOCOL §4), as an IT department would.
 */

const [SAIK, GPR] = DEMO_SHOWN_IDS as [string, string];
const CLI = join(ROOT, 'server', 'cli.ts');

function siar(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env: { ...process.env, SIAR_DATABASE_URL: '' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => done({ code, out, err }));
  });
}

test.skip(!canWritePolicy(), 'needs a writable managed policy directory (root, as in CI)');
test.setTimeout(180_000);

let dir: string;
let serve: ChildProcess;
let origin: string;

test.beforeAll(async () => {
  mkdirSync(TMP_DIR, { recursive: true });
  dir = mkdtempSync(join(TMP_DIR, 'kantor-'));
  serve = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0', '--data', join(dir, 'data'), '--demo'], {
    cwd: ROOT,
    env: { ...process.env, SIAR_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  origin = await new Promise<string>((done, fail) => {
    createInterface({ input: serve.stdout! }).on('line', (line) => {
      const found = /listening on (http:\/\/\S+)/.exec(line);
      if (found) done(found[1]!);
    });
    serve.once('exit', (code) => fail(new Error(`siar serve exited with ${code}`)));
  });
});

test.afterAll(async () => {
  if (serve.exitCode === null) {
    const exited = new Promise((done) => serve.once('exit', done));
    serve.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

function storedRows(): Record<string, unknown>[] {
  const db = new Database(join(dir, 'data', 'siar.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT * FROM reports ORDER BY rowid').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

test('a person enrolls with a code from people import; reports carry that person; a revoked token stops them', async () => {
  writeFileSync(join(dir, 'people.csv'), 'nip,name,unit\n198703122010011001,Budi Santoso,Diskominfo Kota Pangkalpinang\n199001012015022002,Sari Dewi,Humas Setda\n');
  const imported = await siar(['people', 'import', join(dir, 'people.csv'), '--codes', join(dir, 'codes.csv'), '--origin', origin, '--data', join(dir, 'data')]);
  expect(imported.err).toBe('');
  expect(imported.code).toBe(0);
  const budiLine = readFileSync(join(dir, 'codes.csv'), 'utf8').split('\r\n').find((line) => line.startsWith('198703122010011001,'))!;
  const link = budiLine.split(',').at(-1)!;
  expect(link).toMatch(new RegExp(`^${origin}/daftar#`));

  // What the options page will do with the pasted link (PROTOCOL §6).
  const enrolled = await fetch(`${origin}/api/v1/enroll`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: link.slice(link.indexOf('#') + 1), client: { name: 'siar', version: 'e2e' } }),
  });
  expect(enrolled.status).toBe(200);
  const { token, reporter, feeds } = (await enrolled.json()) as { token: string; reporter: Record<string, string>; feeds: { url: string; report_url: string }[] };
  expect(reporter).toEqual({ id: '198703122010011001', name: 'Budi Santoso', unit: 'Diskominfo Kota Pangkalpinang' });

  writeSiarPolicy({ feeds: feeds.map((f) => ({ url: f.url, report_url: f.report_url })), reporter, report_token: token });
  const again = await launchWithExtension();
  try {
    const popup = await PopupPage.open(again.context, again.extensionId);
    await popup.confirmShared(SAIK, 'x');
    await sendReportsNow(popup);
    await expect.poll(() => storedRows().map((row) => [row.item_id, row.platform, row.reporter_id, row.reporter_name, row.verified]), { timeout: 30_000 }).toEqual([
      [SAIK, 'x', '198703122010011001', 'Budi Santoso', 1],
    ]);

    expect((await siar(['people', 'revoke', '198703122010011001', '--data', join(dir, 'data')])).code).toBe(0);
    // A revocation by another process reaches the server's token cache within TOKEN_CACHE_MS.
    await new Promise((resolve) => setTimeout(resolve, TOKEN_CACHE_MS));
    await popup.confirmShared(GPR, 'facebook');
    await sendReportsNow(popup);
    await expect(outboxSection(popup)).toContainText('Penerima laporan menolak token Anda');
    expect(storedRows()).toHaveLength(1);
  } finally {
    await again.context.close();
    clearSiarPolicy();
  }
});
