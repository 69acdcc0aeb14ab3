import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
export const TMP_DIR = join(ROOT, 'tests', 'e2e', '.tmp');
export const SCREENSHOT_DIR = join(ROOT, 'assets', 'screenshots');
/** Fixed by the manifest's `key` (see wxt.config.ts). */
export const EXTENSION_ID = 'lhndahafaekkdefkjajibchmhojidaam';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
