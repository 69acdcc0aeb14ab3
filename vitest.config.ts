import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    restoreMocks: true,
    // A throwaway PostgreSQL cluster for the server tests (tests/support/postgres-global-setup.ts).
    globalSetup: ['tests/support/postgres-global-setup.ts'],
  },
});
