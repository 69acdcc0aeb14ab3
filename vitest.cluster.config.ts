import { defineConfig } from 'vitest/config';

/** `npm run test:cluster`: tests on a throwaway primary + replica + pgbouncer (tests/cluster/support/cluster.ts). */
export default defineConfig({
  test: {
    include: ['tests/cluster/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
