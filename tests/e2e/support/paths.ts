import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { workerExtension } from './worker-extension';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The build under test, as `npm run build` made it (or another, e.g. a build broken on purpose). */
export const BUILT_EXTENSION_DIR = process.env.SIAR_E2E_EXTENSION_DIR ?? join(ROOT, '.output', 'chrome-mv3');
export const TMP_DIR = join(ROOT, 'tests', 'e2e', '.tmp');
/** The stores' screenshots (docs/store/screenshots), 1280 × 800, on `npm run screenshots` only. */
export const STORE_SCREENSHOT_DIR =
  process.env.SIAR_SCREENSHOTS === 'update' ? join(ROOT, 'docs', 'store', 'screenshots') : join(ROOT, 'test-results', 'store-screenshots');
/** Fixed by the manifest's `key` (see wxt.config.ts). */
export const BUILT_EXTENSION_ID = 'lhndahafaekkdefkjajibchmhojidaam';
/**
 * What this Playwright worker loads. Managed policy is keyed by extension id, so each parallel
 * worker gets its own copy of the build with its own manifest `key` (worker 0: the build as it is).
 */
const mine = workerExtension(BUILT_EXTENSION_DIR, BUILT_EXTENSION_ID, TMP_DIR, Number(process.env.TEST_PARALLEL_INDEX ?? 0));
export const EXTENSION_DIR = mine.dir;
export const EXTENSION_ID = mine.id;
/**
 * Screenshots the suite takes of Siar's UI. `npm run screenshots` writes them over the
 * committed ones in assets/screenshots (the README shows them); an ordinary run writes them
 * to test-results/, so that `npm test` leaves the work tree as it found it.
 */
export const SCREENSHOT_DIR =
  process.env.SIAR_SCREENSHOTS === 'update' ? join(ROOT, 'assets', 'screenshots') : join(ROOT, 'test-results', 'screenshots');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
