import { test as base } from '@playwright/test';
import { rmSync } from 'node:fs';
import { launchWithExtension, type LaunchedExtension } from './launch';
import { canWritePolicy, clearSiarPolicy, writeSiarPolicy } from './policy';
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

interface Options {
  /** More managed policy (docs/protocol.md §4) besides the feed and the reporter. */
  policyExtras: Record<string, unknown>;
}

export const test = base.extend<Fixtures & Options>({
  policyExtras: [{}, { option: true }],
  server: async ({}, use) => {
    const server = await startTestServer();
    await use(server);
    await server.close();
    rmSync(server.dataDir, { recursive: true, force: true });
  },
  feedUrl: async ({ server }, use) => use(server.feedUrl),
  siar: async ({ feedUrl, policyExtras, colorScheme }, use) => {
    // Root (CI) deploys through managed policy; elsewhere the options page does it.
    const viaPolicy = canWritePolicy();
    if (viaPolicy) writeSiarPolicy({ feeds: [{ url: feedUrl }], reporter: REPORTER, ...policyExtras });
    const launched = await launchWithExtension(undefined, { colorScheme: colorScheme === 'dark' ? 'dark' : 'light' });
    if (!viaPolicy) {
      const options = await OptionsPage.open(launched.context, launched.extensionId);
      await options.addFeed(feedUrl);
      await options.setReporter(REPORTER);
      await options.page.close();
    }
    await use(launched);
    await launched.context.close();
    if (viaPolicy) clearSiarPolicy();
    rmSync(launched.userDataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
