import { chromium, type BrowserContext } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, newProfileDir } from '../e2e/support/launch';
import { CHROMIUM_PATH, EXTENSION_DIR, ROOT } from '../e2e/support/paths';
import { serveSite } from '../e2e/support/site-fixtures';

/**
 * Main-thread cost of Siar's content scripts on a heavy timeline, measured the way an
 * outside tester does (issue 11): two browsers, one with Siar and one without, the same X
 * look-alike at https://x.com with 400 posts streaming in (React, 20 posts every 16 ms),
 * CDP Performance.getMetrics TaskDuration AND ScriptDuration (main-thread CPU time), at
 * least 9 runs alternating between the browsers, medians. A CPU profile of one run also
 * gives the time spent in Siar's own scripts directly.
 *
 * "Without Siar" is the same Chromium with the same flags and its extension system on, as
 * in any browser a user would install Siar into: only Siar is missing (an empty extension,
 * a manifest and nothing else, is loaded in its place). Playwright's own default,
 * `--disable-extensions`, switches the extension system off altogether, which no user's
 * browser does; a third browser launched that way is measured in the same alternation and
 * shown for comparison (the README's figures before 2026-12-02 08:00 UTC used it as the baseline).
 */

const RUNS = Math.max(9, Number(process.env.SIAR_BENCH_RUNS ?? 11));
// ≥ 200 posts (issue 11); the fixture re-renders the whole list per batch, so 2,000 take ~50 s a load here.
const POSTS = Number(process.env.SIAR_BENCH_POSTS ?? 400);
const ORIGIN = 'https://x.com';

interface Sample {
  task: number;
  script: number;
}

const FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--lang=id-ID'];

/**
 * The same Chromium, profile flags and fixture, without Siar: `extensionDir` is loaded the way
 * launchWithExtension loads Siar (an empty extension), or, without it, Playwright's default
 * `--disable-extensions` stays and the browser runs with no extension system at all.
 */
async function launchPlain(extensionDir?: string): Promise<{ context: BrowserContext; userDataDir: string }> {
  const userDataDir = newProfileDir();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: 'id-ID',
    colorScheme: 'light',
    args: extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...FLAGS] : FLAGS,
  });
  return { context, userDataDir };
}

/** A valid extension with nothing in it: no scripts, no permissions, no pages. */
function emptyExtension(): string {
  const dir = newProfileDir();
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Empty (sites bench baseline)', version: '1.0.0' }));
  return dir;
}

async function load(context: BrowserContext, origin: string, during: (cdp: Awaited<ReturnType<BrowserContext["newCDPSession"]>>) => Promise<unknown>) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // No CPU throttling in either browser (the default, said explicitly).
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await during(cdp);
  await page.goto(`${origin}/home?stream=${POSTS}`);
  await page.waitForFunction(() => (window as unknown as { __streamDone?: boolean }).__streamDone === true, null, { timeout: 120_000 });
  // Let the content script's throttled checks and timers run their course too.
  // eslint-disable-next-line no-restricted-syntax -- a measurement window, not a wait: the benchmark counts the CPU these 1.5 s cost
  await page.waitForTimeout(1500);
  return { page, cdp };
}

async function measure(context: BrowserContext, origin = ORIGIN): Promise<Sample> {
  // Thread ticks: CPU time of the page's main thread, so that other processes on a busy
  // machine do not stretch the figures the way wall time would.
  const { page, cdp } = await load(context, origin, (session) => session.send('Performance.enable', { timeDomain: 'threadTicks' }));
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? NaN;
  await page.close();
  return { task: value('TaskDuration'), script: value('ScriptDuration') };
}

/** Milliseconds of CPU samples in Siar's own scripts, and in all scripts of the page. */
async function profileSiar(context: BrowserContext): Promise<{ siar: number; all: number }> {
  const { page, cdp } = await load(context, ORIGIN, async (session) => {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 100 });
    await session.send('Profiler.start');
  });
  const { profile } = await cdp.send('Profiler.stop');
  const urls = new Map(profile.nodes.map((node) => [node.id, node.callFrame.url]));
  let siar = 0;
  let all = 0;
  profile.samples?.forEach((id, i) => {
    const url = urls.get(id) ?? '';
    const dt = (profile.timeDeltas?.[i] ?? 0) / 1000;
    if (url.startsWith('chrome-extension://')) siar += dt;
    if (url) all += dt;
  });
  await page.close();
  return { siar, all };
}

/** Linear interpolation between the closest ranks. */
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (at - low);
};
const median = (values: number[]) => quantile(values, 0.5);

async function main(): Promise<void> {
  // The code as it is now (a build left by an earlier run could be stale), unless told otherwise.
  if (process.env.SIAR_BENCH_NO_BUILD !== '1' || !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, SIAR_FEED_URL: '' } });
    if (build.status !== 0) throw new Error('wxt build failed');
  }
  const load = () => loadavg().map((value) => value.toFixed(2)).join(', ');
  const loadBefore = load();
  const withSiar = await launchWithExtension();
  const empty = emptyExtension();
  const plain = await launchPlain(empty);
  const noExtensions = await launchPlain();
  const browsers = { with: withSiar.context, without: plain.context, noExtensions: noExtensions.context };
  try {
    for (const context of Object.values(browsers)) await serveSite(context, 'x', [ORIGIN]);
    process.stderr.write('warming up…\n');
    // One warm-up each: the first load compiles the bundle and fills caches.
    for (const context of Object.values(browsers)) await measure(context);
    const samples: Record<keyof typeof browsers, Sample[]> = { with: [], without: [], noExtensions: [] };
    // Each browser goes first, second and third equally often.
    const orders = [
      ['without', 'with', 'noExtensions'],
      ['with', 'noExtensions', 'without'],
      ['noExtensions', 'without', 'with'],
    ] as const;
    for (let run = 0; run < RUNS; run++) {
      for (const which of orders[run % orders.length]!) samples[which].push(await measure(browsers[which]));
      process.stderr.write(`run ${run + 1}/${RUNS}\r`);
    }
    console.log(
      `Heavy X timeline: ${POSTS} posts streaming in; two browsers (with / without Siar, both with the extension system on), median of ${RUNS} alternating runs (target ≤ 1.03× on both); load average ${loadBefore} before, ${load()} after`,
    );
    const report = (metric: keyof Sample, label: string) => {
      const without = samples.without.map((s) => s[metric]);
      const withValues = samples.with.map((s) => s[metric]);
      const off = samples.noExtensions.map((s) => s[metric]);
      const ratio = median(withValues) / median(without);
      // The spread: each browser's quartiles, and the ratios of the runs taken side by side.
      const paired = median(withValues.map((value, i) => value / without[i]!));
      const ms = (value: number) => (value * 1000).toFixed(0);
      const range = (values: number[]) => `${ms(quantile(values, 0.25))}–${ms(quantile(values, 0.75))}`;
      console.log(
        `${label}  without Siar ${ms(median(without))} ms (IQR ${range(without)}) · with Siar ${ms(median(withValues))} ms (IQR ${range(withValues)}) · ratio ${ratio.toFixed(3)}× (median of paired runs ${paired.toFixed(3)}×)`,
      );
      console.log(
        `${' '.repeat(label.length)}  for comparison, extension system off (--disable-extensions) ${ms(median(off))} ms (IQR ${range(off)}): with Siar / off ${(median(withValues) / median(off)).toFixed(3)}×`,
      );
      return ratio;
    };
    const task = report('task', 'TaskDuration  ');
    const script = report('script', 'ScriptDuration');
    // Sampled CPU profiles: on a loaded machine a single sample can stand for a descheduled
    // stretch, so the median of three runs.
    const profiles = [await profileSiar(browsers.with), await profileSiar(browsers.with), await profileSiar(browsers.with)];
    const siar = median(profiles.map((p) => p.siar));
    const all = median(profiles.map((p) => p.all));
    console.log(`CPU profiles (median of 3 runs): Siar's own scripts ${siar.toFixed(1)} ms of ${all.toFixed(0)} ms of script (${((siar / all) * 100).toFixed(2)} %)`);
    console.log(task <= 1.03 && script <= 1.03 ? 'main-thread overhead within target' : 'main-thread overhead ABOVE target');
    console.log('(a shared, noisy 2-core machine: compare ratios from one run only)');
  } finally {
    for (const launched of [withSiar, plain, noExtensions]) {
      await launched.context.close();
      rmSync(launched.userDataDir, { recursive: true, force: true });
    }
    rmSync(empty, { recursive: true, force: true });
  }
}

await main();
