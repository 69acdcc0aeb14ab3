import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 120_000 });
import { fetchFeed } from '@/lib/feed/fetch-feed';
import { sha256Base64Url, verifyFeedStatement } from '@/lib/feed/signature';
import { startServer, type RunningServer } from '../../../server/app';
import { generateSigningKeys, privateKeyFromText, publicKeyBase64 } from '../../../server/signing';

/** Siar Kantor signs what it serves, and Siar's own verifier accepts it (PROTOCOL §2.6). */
describe('the reference server signs its feed', () => {
  let dataDir: string | null = null;
  let server: RunningServer | null = null;
  const keys = generateSigningKeys();

  async function start(options: { signed: boolean; header?: boolean }) {
    dataDir = mkdtempSync(join(tmpdir(), 'siar-signing-'));
    server = await startServer({
      host: '127.0.0.1',
      port: 0,
      dataDir,
      seedDemoPosts: true,
      signingKey: options.signed ? privateKeyFromText(keys.privateKey) : null,
      signatureHeader: options.header,
    });
    return server;
  }

  afterEach(async () => {
    await server?.close();
    server = null;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = null;
  });

  it('makes key pairs in the form PROTOCOL §1 wants: base64 of raw 32 bytes', () => {
    expect(Buffer.from(keys.publicKey, 'base64')).toHaveLength(32);
    expect(Buffer.from(keys.privateKey, 'base64')).toHaveLength(32);
    expect(publicKeyBase64(privateKeyFromText(keys.privateKey))).toBe(keys.publicKey);
    expect(() => privateKeyFromText('c2hvcnQ=')).toThrow(/32 bytes/);
  });

  it('sends a v2 statement (header and /feed.json.sig) that the extension accepts for this URL and body', async () => {
    const { origin } = await start({ signed: true });
    const feedUrl = `${origin}/feed.json`;
    const response = await fetch(feedUrl);
    const body = new Uint8Array(await response.arrayBuffer());
    const header = response.headers.get('siar-signature')!;
    expect(header.split('.')).toHaveLength(3);
    const context = { feedUrl, sha256: await sha256Base64Url(body), now: new Date(), previous: null };
    const statement = await verifyFeedStatement(keys.publicKey, header, context);
    expect(statement.url).toBe(feedUrl);
    const sig = await (await fetch(`${origin}/feed.json.sig`)).text();
    await expect(verifyFeedStatement(keys.publicKey, sig, context)).resolves.toMatchObject({ seq: statement.seq });
    // The same statement does not pass for another feed URL.
    await expect(verifyFeedStatement(keys.publicKey, header, { ...context, feedUrl: `${origin}/other.json` })).rejects.toThrow();
  });

  it('is verified by fetchFeed, through the header or the .sig file', async () => {
    for (const header of [true, false]) {
      const { origin } = await start({ signed: true, header });
      const entry = await fetchFeed({ url: `${origin}/feed.json`, public_key: keys.publicKey }, undefined);
      expect(entry.error).toBeNull();
      expect(entry.signatureVerified).toBe(true);
      await server!.close();
      rmSync(dataDir!, { recursive: true, force: true });
      server = null;
      dataDir = null;
    }
  });

  it('is refused under another key, and an unsigned server has no .sig', async () => {
    const { origin } = await start({ signed: false });
    expect((await fetch(`${origin}/feed.json.sig`)).status).toBe(404);
    const entry = await fetchFeed({ url: `${origin}/feed.json`, public_key: keys.publicKey }, undefined);
    expect(entry.error?.code).toBe('signature_missing');
  });

  it('npm run keygen prints a working pair and can write the private key to a file', () => {
    dataDir = mkdtempSync(join(tmpdir(), 'siar-keygen-'));
    const out = join(dataDir, 'key');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'keygen', '--out', out], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const publicKey = /public_key[^\n]*\n([A-Za-z0-9+/=]{44})\n/.exec(run.stdout)?.[1];
    expect(publicKeyBase64(privateKeyFromText(readFileSync(out, 'utf8')))).toBe(publicKey);
    expect(run.stdout).not.toContain(readFileSync(out, 'utf8').trim());
  });
});
