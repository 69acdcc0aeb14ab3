import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
export const TMP_DIR = join(ROOT, 'tests', 'e2e', '.tmp');
/**
 * Screenshots the suite takes of Siar's UI. `npm run screenshots` writes them over the
 * committed ones in assets/screenshots (the README shows them); an ordinary run writes them
 * to test-results/, so that `npm test` leaves the work tree as it found it.
 */
export const SCREENSHOT_DIR =
  process.env.SIAR_SCREENSHOTS === 'update' ? join(ROOT, 'assets', 'screenshots') : join(ROOT, 'test-results', 'screenshots');
/** Fixed by the manifest's `key` (see wxt.config.ts). */
export const EXTENSION_ID = 'lhndahafaekkdefkjajibchmhojidaam';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
