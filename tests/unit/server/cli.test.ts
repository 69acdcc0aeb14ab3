import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { compactVerify, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../server/cli';
import { freePort } from '../../support/postgres-cluster';
import { DATABASES, freshDatabase, type TestDatabase } from './databases';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const ROOT = resolve(import.meta.dirname, '../../..');

/** `npm run siar -- …` as an admin runs it: a real process; stdout, stderr and the exit code. */
function siarProcess(args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/cli.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, SIAR_DATABASE_URL: '', SIAR_DATA_DIR: '', ...options.env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.stdin.end(options.stdin ?? '');
    child.on('exit', (code) => done({ code: code ?? -1, out, err }));
  });
}

/**
 * The same command in this process (main() of server/cli.ts): a process start costs seconds on a
 * busy machine, so only stdin, signals and exit codes of a real process are tested with one.
 */
async function siar(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void (out += `${parts.join(' ')}\n`));
  const error = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void (err += `${parts.join(' ')}\n`));
  const warn = vi.spyOn(console, 'warn').mockImplementation((...parts: unknown[]) => void (err += `${parts.join(' ')}\n`));
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    log.mockRestore();
    error.mockRestore();
    warn.mockRestore();
  }
}

const dbFlags = (database: TestDatabase) => (database.target.kind === 'sqlite' ? ['--data', database.target.dataDir] : ['--database-url', database.target.url]);

describe('siar, the admin command', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'siar-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([['serve'], ['user'], ['people'], ['keygen'], ['export']])('%s --help says how to use it', async (command) => {
    const { code, out } = await siar([command, '--help']);
    expect(code).toBe(0);
    expect(out).toContain(`npm run siar -- ${command}`);
  });

  it('lists its commands, and refuses an unknown one with exit code 2', async () => {
    expect((await siar(['--help'])).out).toContain('people import FILE.csv --codes OUT.csv');
    const unknown = await siar(['hapus-semua']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown command: hapus-semua');
  });

  it('keygen writes the private key with mode 0600 and prints only the public key', async () => {
    const file = join(dir, 'signing.key');
    const { code, out } = await siar(['keygen', '--out', file]);
    expect(code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(out).not.toContain(readFileSync(file, 'utf8').trim());
    expect(out).toMatch(/public_key[^\n]*\n[A-Za-z0-9+/]{43}=/);
  });

  it('a database that is down at start: one plain sentence and exit code 1', async () => {
    const port = await freePort();
    const { code, err } = await siar(['serve', '--port', '0', '--database-url', `postgres://siar:rahasia@127.0.0.1:${port}/siar`]);
    expect(code).toBe(1);
    expect(err).toMatch(/^Cannot reach the PostgreSQL database at postgres:\/\/siar:\*\*\*@127\.0\.0\.1:\d+\/siar: .+\n$/);
    expect(err).not.toContain('rahasia');
  });

  it('refuses a shared tokens file unless the legacy shared token setting is on', async () => {
    writeFileSync(join(dir, 'tokens.txt'), 'token-kantor\n');
    const { code, err } = await siar(['serve', '--port', '0', '--data', join(dir, 'data'), '--tokens-file', join(dir, 'tokens.txt')]);
    expect(code).toBe(2);
    expect(err).toContain('--legacy-shared-token');
  });

  describe.each(DATABASES)('on %s', (kind) => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await freshDatabase(kind);
    });
    afterAll(() => database.drop());

    it('user add reads the password from stdin, never from argv', async () => {
      const added = await siarProcess(['user', 'add', 'kabid', '--role', 'approver', ...dbFlags(database)], { stdin: 'kata-sandi-panjang\n' });
      expect(added.err).toBe('');
      expect(added).toMatchObject({ code: 0, out: 'User kabid (approver) added.\n' });
      expect((await siar(['user', 'add', 'x', '--role', 'raja', ...dbFlags(database)])).code).toBe(2);
    });

    it('people import writes nip,name,unit,code,link; a bad file imports nothing; revoke and reissue', async () => {
      const input = join(dir, `people-${kind}.csv`);
      const codes = join(dir, `codes-${kind}.csv`);
      writeFileSync(input, 'nip,name,unit\n198703122010011001,Budi Santoso,Diskominfo\n199001012015022002,"Sari, S.Kom",Humas\n');
      const imported = await siar(['people', 'import', input, '--codes', codes, '--origin', 'https://siar.example.go.id', ...dbFlags(database)]);
      expect(imported.err).toBe('');
      expect(imported.code).toBe(0);
      const lines = readFileSync(codes, 'utf8').trim().split('\r\n');
      expect(lines[0]).toBe('nip,name,unit,code,link');
      expect(lines[2]).toMatch(/^199001012015022002,"Sari, S\.Kom",Humas,([\w-]{20,}),https:\/\/siar\.example\.go\.id\/daftar#\1$/);
      expect(statSync(codes).mode & 0o777).toBe(0o600);

      writeFileSync(input, '198703122010011009,Andi,Unit\n12345,Pendek,Unit\n198703122010011010,Tanpa Unit,\n');
      const refused = await siar(['people', 'import', input, '--codes', codes, ...dbFlags(database)]);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('Nothing was imported');
      expect(refused.err).toContain('line 2: NIP harus 18 angka / an NIP is 18 digits: 12345');
      expect(refused.err).toContain('line 3: unit kerja kosong / the unit is empty');

      expect((await siar(['people', 'revoke', '198703122010011001', ...dbFlags(database)])).code).toBe(0);
      const unknown = await siar(['people', 'revoke', '198703122010011099', ...dbFlags(database)]);
      expect(unknown).toMatchObject({ code: 1, err: 'No person has the NIP 198703122010011099.\n' });
      const again = await siar(['people', 'reissue', '198703122010011001', '--codes', codes, ...dbFlags(database)]);
      expect(again.code).toBe(0);
      expect(readFileSync(codes, 'utf8')).toContain('198703122010011001,Budi Santoso,Diskominfo,');
    });

    it('export writes feed.json and a feed.json.sig that verifies for that URL', async () => {
      const keyFile = join(dir, `export-${kind}.key`);
      await siar(['keygen', '--out', keyFile]);
      const out = join(dir, `export-${kind}`);
      const { code, err } = await siar(['export', out, '--origin', 'https://cdn.example.go.id', '--signing-key-file', keyFile, ...dbFlags(database)]);
      expect(err).toBe('');
      expect(code).toBe(0);
      const body = readFileSync(join(out, 'feed.json'));
      expect(JSON.parse(body.toString()).feed_url).toBe('https://cdn.example.go.id/feed.json');
      const { createPublicKey, createPrivateKey } = await import('node:crypto');
      const seed = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
      const privateKey = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
      const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
      const { payload } = await compactVerify(readFileSync(join(out, 'feed.json.sig'), 'utf8'), await importJWK(jwk, 'EdDSA'));
      const statement = JSON.parse(new TextDecoder().decode(payload));
      const { createHash } = await import('node:crypto');
      expect(statement).toMatchObject({ url: 'https://cdn.example.go.id/feed.json', sha256: createHash('sha256').update(body).digest('base64url') });
    });

    it('serve starts on this database and stops on SIGTERM', async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/cli.ts'), 'serve', '--port', '0', '--demo', ...dbFlags(database)], {
        cwd: ROOT,
        env: { ...process.env, SIAR_DATABASE_URL: '', SIAR_DATA_DIR: '' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const origin = await new Promise<string>((done, fail) => {
        createInterface({ input: child.stdout! }).on('line', (line) => {
          const found = /listening on (http:\/\/\S+)/.exec(line);
          if (found) done(found[1]!);
        });
        child.once('exit', (code) => fail(new Error(`serve exited with ${code}`)));
      });
      const feed = await (await fetch(`${origin}/feed.json`)).json();
      expect(feed.items.length).toBeGreaterThan(0);
      const exited = new Promise<number | null>((done) => child.once('exit', done));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    });
  });
});
