import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { acquireMachineLock, FIREFOX_LOCK_DIR } from '../e2e/support/machine-lock';
import { FIREFOX_EXTENSION_DIR, FIREFOX_PATH } from './launch-firefox';

/**
 * Fails early with a sentence, then waits for Firefox's machine lock (its policy file is machine-wide)
 * here rather than inside the test, so that another run's turn never counts against its timeout.
 */
export default async function globalSetup(): Promise<() => void> {
  if (!existsSync(FIREFOX_PATH)) throw new Error(`Firefox not found at ${FIREFOX_PATH}: install it (apt-get install firefox-esr) or set FIREFOX_PATH.`);
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error('No Firefox build: run `npm run build:firefox` first (npm test does).');
  return acquireMachineLock(FIREFOX_LOCK_DIR);
}
