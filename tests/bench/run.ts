import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench [-- name…]`: runs every tests/bench/*.bench.ts (or those whose
 * name contains one of the words given), one after the other, so that they do
 * not disturb each other's timings. Each prints its own figures and ratios.
 */
const dir = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => filters.length === 0 || filters.some((word) => file.includes(word)))
  .sort();

if (benches.length === 0) {
  console.error(`No benchmark matches ${filters.join(', ') || '(any)'} in ${dir}.`);
  process.exit(1);
}

let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(dir, bench)], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
