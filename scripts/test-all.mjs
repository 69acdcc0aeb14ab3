/* global Buffer, console, process */
// `npm test`: every check, with the independent ones at the same time (issue 14: ≤ 5 min on
// 2 cores). Each phase is an npm script that also runs alone; this file only decides their
// order. A phase starts once the phases it needs have passed; its output is kept and printed
// in one piece when it ends, so that two phases never interleave their lines. Every phase
// that can run does, and the exit code is non-zero when any failed or could not start.
//
//   typecheck ─► build:e2e ─► build:firefox ─┬─► e2e       (Chromium, tests/e2e)
//   lint                                     └─► e2e:firefox (Firefox ESR, tests/firefox)
//   unit (Vitest, SQLite + PostgreSQL)
//   install (server-only install)
//
// tsc reads `.wxt/` and `wxt build` rewrites it: the builds wait for the typecheck. Vitest and
// ESLint never write there. Add a phase here (and its npm script) to add a kind of test.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');

/** name → { script: npm script, after: phases that must pass first } */
const PHASES = {
  typecheck: { script: 'typecheck', after: [] },
  lint: { script: 'lint', after: [] },
  unit: { script: 'test:unit', after: [] },
  install: { script: 'test:install', after: [] },
  'build:e2e': { script: 'build:e2e', after: ['typecheck'] },
  'build:firefox': { script: 'build:firefox:test', after: ['build:e2e'] },
  e2e: { script: 'test:e2e:run', after: ['build:e2e', 'build:firefox'] },
  'e2e:firefox': { script: 'test:firefox:run', after: ['build:firefox'] },
};

const only = process.argv.slice(2);
const chosen = only.length > 0 ? only : Object.keys(PHASES);
for (const name of chosen) if (!PHASES[name]) throw new Error(`Unknown phase ${name}: one of ${Object.keys(PHASES).join(', ')}`);

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(0)} s`;
/** name → 'passed' | 'failed' | 'skipped' */
const result = {};
const running = new Map();
/** name → the phase's whole output, kept to repeat a failure's end after the summary */
const outputs = {};

function run(name) {
  const { script } = PHASES[name];
  const began = Date.now();
  console.log(`▶ ${name} (npm run ${script}) at ${seconds(started)}`);
  const child = spawn('npm', ['run', '--silent', script], {
    cwd: ROOT,
    // The Firefox build is the one the Chromium suite's good-guest test reads (no second build).
    env: { ...process.env, SIAR_FIREFOX_BUILD_DIR: join(ROOT, '.output', 'firefox-mv3'), FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  running.set(name, new Promise((resolve) => {
    child.on('close', (code, signal) => {
      const ok = code === 0;
      result[name] = ok ? 'passed' : 'failed';
      process.stdout.write(`\n──── ${name}: ${ok ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds(began)} ────\n`);
      process.stdout.write(Buffer.concat(output));
      process.stdout.write(`──── end of ${name} ────\n`);
      if (!ok) outputs[name] = Buffer.concat(output).toString('utf8');
      running.delete(name);
      resolve();
    });
  }));
}

function startReady() {
  let changed = true;
  while (changed) {
    changed = false;
    for (const name of chosen) {
      if (result[name] || running.has(name)) continue;
      const needs = PHASES[name].after.filter((dep) => chosen.includes(dep));
      if (needs.some((dep) => result[dep] === 'failed' || result[dep] === 'skipped')) {
        result[name] = 'skipped';
        changed = true;
        console.log(`✗ ${name}: not run, because ${needs.filter((dep) => result[dep] !== 'passed').join(', ')} did not pass`);
      } else if (needs.every((dep) => result[dep] === 'passed')) {
        run(name);
      }
    }
  }
}

for (;;) {
  startReady();
  if (running.size === 0) break;
  await Promise.race(running.values());
}

console.log(`\nnpm test: ${seconds(started)} in all (load average now ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')})`);
// A CI log is often read from its end: each failed phase's last lines come again here, where
// the reason (Vitest's "Failed Tests", Playwright's errors) is, then the summary.
const TAIL_LINES = 150;
for (const [name, text] of Object.entries(outputs)) {
  const lines = text.trimEnd().split('\n');
  // eslint-disable-next-line no-control-regex
  const plain = (line) => line.replace(/\u001b\[[0-9;]*m/g, '');
  const marked = lines.map(plain).filter((line) => /\bFAIL\b|✘|×|✗|\bError\b|\d+\) /.test(line));
  console.log(`\n──── ${name} failed: ${marked.length} line(s) naming a failure ────`);
  console.log(marked.slice(0, 60).join('\n'));
  console.log(`──── ${name} failed: its last ${Math.min(TAIL_LINES, lines.length)} of ${lines.length} lines ────`);
  console.log(lines.slice(-TAIL_LINES).join('\n'));
}
for (const name of chosen) console.log(`  ${result[name] === 'passed' ? '✓' : '✗'} ${name}: ${result[name]}`);
process.exit(chosen.every((name) => result[name] === 'passed') ? 0 : 1);
