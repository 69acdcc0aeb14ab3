import { defineConfig } from '@playwright/test';

// Firefox ESR, driven by puppeteer-core over WebDriver BiDi (Playwright's own Firefox is a
// patched build that cannot be downloaded here). Playwright is only the test runner.
export default defineConfig({
  testDir: 'tests/firefox',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list']],
  globalSetup: './tests/firefox/global-setup.ts',
  outputDir: 'test-results/firefox',
});
