import { defineConfig } from '@playwright/test';

// Parallel workers, one browser (persistent context) per test. Managed policy is one directory
// for the whole machine and keyed by extension id: each worker loads its own copy of the build
// under its own key (tests/e2e/support/worker-extension.ts) and writes its own policy file.
// The machine lock (global setup) keeps other runs on this machine out of that directory.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: Number(process.env.SIAR_E2E_WORKERS ?? 2),
  fullyParallel: true,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list']],
  globalSetup: './tests/e2e/support/global-setup.ts',
  outputDir: 'test-results',
});
