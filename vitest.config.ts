import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    restoreMocks: true,
    // npm test runs Vitest beside two browser suites on 2 cores: a test that takes 2 s alone
    // (a child process, a real database) can take several times that there. A file that needs
    // more still says so itself.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // In CI (.ci/run) a test that failed runs once more, and Vitest reports it as retried: a
    // fault that is really there fails both times; a 2-core machine's stall shows as a retry.
    retry: process.env.SIAR_CI === '1' ? 1 : 0,
    // A throwaway PostgreSQL cluster for the server tests (tests/support/postgres-global-setup.ts).
    globalSetup: ['tests/support/postgres-global-setup.ts'],
  },
});
