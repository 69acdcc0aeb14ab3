import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acquireMachineLock } from './machine-lock';
import { BUILT_EXTENSION_DIR, CHROMIUM_PATH } from './paths';

/** Fails early, with a sentence, when the run cannot work at all; then waits its turn. */
export default async function globalSetup(): Promise<() => void> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  const manifest = join(BUILT_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifest)) throw new Error('No built extension: run `npm run build` first (npm test does).');
  const { key } = JSON.parse(readFileSync(manifest, 'utf8')) as { key?: string };
  if (!key) throw new Error('The built manifest has no `key`, so the extension id is not fixed.');
  return acquireMachineLock();
}
