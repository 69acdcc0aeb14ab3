import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 120_000 });
import { fetchFeed } from '@/lib/feed/fetch-feed';
import { verifySignature } from '@/lib/feed/signature';
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
      // The extension verifies v1 until branch `proof` (protocol v2) lands; then this test moves to v2.
      signatureVersion: 'v1',
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

  it('sends the Siar-Signature header and /feed.json.sig over the exact body', async () => {
    const { origin } = await start({ signed: true });
    const response = await fetch(`${origin}/feed.json`);
    const body = new Uint8Array(await response.arrayBuffer());
    const header = response.headers.get('siar-signature')!;
    expect(header).toMatch(/^ed25519=[A-Za-z0-9+/]{86}==$/);
    await expect(verifySignature(keys.publicKey, header, body)).resolves.toBeUndefined();
    const sig = await (await fetch(`${origin}/feed.json.sig`)).text();
    await expect(verifySignature(keys.publicKey, sig, body)).resolves.toBeUndefined();
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
