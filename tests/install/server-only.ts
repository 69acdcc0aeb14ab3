import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * `npm run test:install`: Siar Kantor installs and runs without the extension's toolchain,
 * as the README's "server only" section says: `npm ci --omit=dev` in a copy of the
 * repository, then `npm run siar -- keygen` and `serve`. From npm's cache (offline), so it
 * takes seconds; better-sqlite3's compiled addon is copied from this checkout instead of
 * compiled again (same version: the lockfile pins it), which is the one step skipped.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'siar-server-only-'));
const fail = (message: string): never => {
  console.error(`server-only install: FAILED: ${message}`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
};

function run(command: string, args: string[], cwd = dir): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

const started = Date.now();
const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
for (const file of files) {
  if (!existsSync(join(ROOT, file))) continue;
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  cpSync(join(ROOT, file), join(dir, file));
}

const ci = spawnSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8' });
if (ci.status !== 0) {
  console.log('server-only install: not everything is in npm\'s cache; trying with the registry (--prefer-offline)…');
  run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund']);
}
if (existsSync(join(dir, 'node_modules', 'wxt'))) fail('wxt was installed: it must stay a devDependency');
if (!existsSync(join(dir, 'node_modules', 'fastify'))) fail('fastify is missing: server packages belong in dependencies');
cpSync(join(ROOT, 'node_modules', 'better-sqlite3', 'build'), join(dir, 'node_modules', 'better-sqlite3', 'build'), { recursive: true });

const postinstall = run('npm', ['run', 'postinstall']);
if (!postinstall.includes('skipping `wxt prepare`')) fail(`postinstall did not skip wxt prepare:\n${postinstall}`);
const keygen = run('npm', ['run', '--silent', 'siar', '--', 'keygen']);
if (!keygen.includes('public_key')) fail(`keygen printed no key:\n${keygen}`);

const serve = spawn('npm', ['run', '--silent', 'siar', '--', 'serve', '--port', '0', '--data', join(dir, 'data'), '--demo'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
try {
  const origin = await new Promise<string>((done, reject) => {
    createInterface({ input: serve.stdout! }).on('line', (line) => {
      const found = /listening on (http:\/\/\S+)/.exec(line);
      if (found) done(found[1]!);
    });
    serve.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    setTimeout(() => reject(new Error('serve did not start in 60 s')), 60_000).unref();
  }).catch((error: Error) => fail(error.message));
  const feed = (await (await fetch(`${origin}/feed.json`)).json()) as { items: unknown[] };
  if (feed.items.length === 0) fail('the feed is empty');
  // The post form's live preview is bundled by esbuild at serve time: it must be there without devDependencies.
  const script = await fetch(`${origin}/assets/post-preview.js`);
  if (script.status !== 200 || !(await script.text()).includes('data-preview-live')) fail(`the live preview script did not build (HTTP ${script.status})`);
} finally {
  // The npm process group: npm, tsx and the server.
  if (serve.pid) process.kill(-serve.pid, 'SIGTERM');
}
rmSync(dir, { recursive: true, force: true });
console.log(`server-only install: ok (npm ci --omit=dev, keygen, serve) in ${Math.round((Date.now() - started) / 1000)} s`);
