import { defineConfig } from '@playwright/test';

// One worker: every test launches its own Chromium with the extension, and
// managed policy is one file for the whole machine.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list']],
  globalSetup: './tests/e2e/support/global-setup.ts',
  outputDir: 'test-results',
});
