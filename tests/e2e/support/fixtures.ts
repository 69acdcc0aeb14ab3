import { test as base } from '@playwright/test';
import { rmSync } from 'node:fs';
import { BrowserPool } from './browser-pool';
import type { LaunchedExtension } from './launch';
import { canWritePolicy } from './policy';
import { startTestServer, type TestServer } from './reference-server';
import { OptionsPage } from './options-page';

export const REPORTER = { id: '198703122010011001', name: 'Budi Santoso', unit: 'Diskominfo Kota Pangkalpinang' };

interface Fixtures {
  server: TestServer;
  /** The feed Siar subscribes to: the server's, unless a spec puts something in front of it. */
  feedUrl: string;
  /** Chromium with Siar, subscribed to `server`'s feed as an office would do it. */
  siar: LaunchedExtension;
}

interface WorkerFixtures {
  /** This worker's browser, kept from test to test where a test would launch it the same way. */
  browserPool: BrowserPool;
  /** Ports this worker's servers listen on in every test, so that the policy naming them stays the same. */
  workerPorts: { server: number; proxy: number };
}

interface Options {
  /** More managed policy (docs/protocol.md §4) besides the feed and the reporter. */
  policyExtras: Record<string, unknown>;
}

/**
 * The browser may outlive the test (browser-pool.ts) with a connection to its server still
 * open: the server cuts them, as the closed browser used to.
 */
export async function closeServer(server: TestServer): Promise<void> {
  const closing = server.close();
  server.app.server.closeAllConnections();
  await closing;
}

export const test = base.extend<Fixtures & Options, WorkerFixtures>({
  policyExtras: [{}, { option: true }],
  workerPorts: [
    async ({}, use) => {
      const [server, proxy] = await BrowserPool.freePorts(2);
      await use({ server: server!, proxy: proxy! });
    },
    { scope: 'worker' },
  ],
  browserPool: [
    async ({}, use) => {
      const pool = new BrowserPool();
      await use(pool);
      await pool.release();
      console.log(`browser pool (worker ${process.env.TEST_PARALLEL_INDEX ?? 0}): ${pool.launched} launch(es), ${pool.reused} reuse(s)`);
    },
    { scope: 'worker' },
  ],
  server: async ({ workerPorts }, use) => {
    const server = await startTestServer({ port: workerPorts.server });
    await use(server);
    await closeServer(server);
    rmSync(server.dataDir, { recursive: true, force: true });
  },
  feedUrl: async ({ server }, use) => use(server.feedUrl),
  siar: async ({ feedUrl, policyExtras, colorScheme, browserPool }, use, testInfo) => {
    // Root (CI) deploys through managed policy; elsewhere the options page does it.
    const viaPolicy = canWritePolicy();
    const policy = viaPolicy ? { feeds: [{ url: feedUrl }], reporter: REPORTER, ...policyExtras } : null;
    const launched = await browserPool.acquire(policy, { colorScheme: colorScheme === 'dark' ? 'dark' : 'light' });
    if (!viaPolicy) {
      const options = await OptionsPage.open(launched.context, launched.extensionId);
      await options.addFeed(feedUrl);
      await options.setReporter(REPORTER);
      await options.page.close();
    }
    await use(launched);
    await browserPool.afterTest(testInfo.status === testInfo.expectedStatus);
  },
});

export { expect } from '@playwright/test';
