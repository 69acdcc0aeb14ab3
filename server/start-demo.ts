import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from './app';
import { seedDemoUsers } from './demo-users';

/**
 * `npm start`: Siar Kantor with the demo posts and demo users, Siar built to subscribe
 * to it, and Chromium with Siar loaded, showing the popup and the reports page.
 */

const { values } = parseArgs({ options: { port: { type: 'string' }, headless: { type: 'boolean' } } });
const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.SIAR_DATA_DIR ?? join(root, '.siar-data'));
const port = Number(values.port ?? process.env.SIAR_PORT ?? 8787);

// The demo takes reports without a token (marked unverified): the extension is built without one.
const server = await startServer({ host: '127.0.0.1', port, dataDir, openReports: true, seedDemoPosts: true }).catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`Port ${port} is in use: run \`npm start -- --port 8788\` (or set SIAR_PORT).`);
    process.exit(1);
  }
  throw error;
});
const feedUrl = `${server.origin}/feed.json`;
console.log(`Siar Kantor: ${server.origin} (feed ${feedUrl})`);
const users = await seedDemoUsers(server.kantor.users);
console.log('Demo users (sign in at /login):');
for (const user of users) console.log(`  ${user.name.padEnd(10)} ${user.role.padEnd(9)} password: ${user.password}`);

console.log('Building Siar, subscribed to the demo feed…');
const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, SIAR_FEED_URL: feedUrl } });
if (build.status !== 0) {
  await server.close();
  process.exit(build.status ?? 1);
}

const extensionDir = join(root, '.output', 'chrome-mv3');
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const headless = values.headless ?? (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
// A new profile each run: Chromium keeps an unpacked extension's service worker script in
// the profile and, with the version unchanged, went on running the previous build's.
const profileDir = join(dataDir, 'chromium-profile');
rmSync(profileDir, { recursive: true, force: true });
mkdirSync(profileDir, { recursive: true });

const context = await chromium.launchPersistentContext(profileDir, {
  executablePath,
  channel: executablePath ? undefined : 'chrome',
  headless,
  viewport: null,
  args: [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--disable-sync',
    '--disable-background-networking',
    '--disable-component-update',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const popup = await context.newPage();
await popup.goto(`chrome-extension://${extensionId}/popup.html`);
const reports = await context.newPage();
await reports.goto(`${server.origin}/login`);
await popup.bringToFront();

console.log(`Siar (${extensionId}) is running in Chromium${headless ? ' (headless: no display found)' : ''}.`);
console.log(`  popup:   chrome-extension://${extensionId}/popup.html`);
console.log(`  office:  ${server.origin}/login (dashboard, people)`);
if (headless) {
  await popup.locator('[data-siar-item]').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
  await popup.screenshot({ path: join(dataDir, 'popup.png'), fullPage: true });
  console.log(`  a screenshot of the popup: ${join(dataDir, 'popup.png')}`);
}
console.log('Press Ctrl+C to stop.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await context.close().catch(() => undefined);
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
context.on('close', () => void stop());
