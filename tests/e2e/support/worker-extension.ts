import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Chromium's id for a manifest `key`: the SHA-256 of the public key, first 32 hex digits as a–p. */
export function extensionIdOf(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * Parallel worker `index` gets a copy of the built extension under its own key, hence its own
 * id, so that its managed policy entry (`3rdparty.extensions.<id>`) is its own. Worker 0 loads
 * the build itself. The copy is made once per worker process, from the build of this run.
 */
export function workerExtension(builtDir: string, builtId: string, tmpDir: string, index: number): { dir: string; id: string } {
  if (index === 0 || !existsSync(join(builtDir, 'manifest.json'))) return { dir: builtDir, id: builtId };
  const dir = join(tmpDir, `extension-worker-${index}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  cpSync(builtDir, dir, { recursive: true });
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestFile, JSON.stringify({ ...manifest, key }));
  return { dir, id: extensionIdOf(key) };
}
