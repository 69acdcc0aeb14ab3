/* global console, process */
// `npm install` runs `wxt prepare` (types for the extension's code). A server-only install
// (`npm ci --omit=dev`, README: "Siar Kantor alone") has no wxt: then there is nothing to prepare.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require.resolve('wxt/package.json');
} catch {
  console.log('siar: wxt is not installed (server-only install): skipping `wxt prepare`.');
  process.exit(0);
}
const run = spawnSync('npx', ['wxt', 'prepare'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
