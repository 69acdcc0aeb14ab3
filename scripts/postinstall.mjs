/* global console, process */
// `npm install` runs `wxt prepare` (types for the extension's code). A server-only install
// (`npm ci --omit=dev`, README: "Siar Kantor alone") has no wxt: then there is nothing to prepare.
// wxt's package.json is not in its "exports", so require.resolve cannot find it: look for the
// file itself.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'node_modules', 'wxt', 'package.json'))) {
  console.log('siar: wxt is not installed (server-only install): skipping `wxt prepare`.');
  process.exit(0);
}
const run = spawnSync('npx', ['wxt', 'prepare'], { stdio: 'inherit', cwd: root });
if (run.status !== 0) {
  console.error('siar: `wxt prepare` failed: the extension\'s types (.wxt/) are missing, so `npm test` cannot typecheck.');
}
process.exit(run.status ?? 1);
