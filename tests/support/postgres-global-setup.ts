import type { TestProject } from 'vitest/node';
import { findPostgresBin, startCluster } from './postgres-cluster';

/**
 * Vitest globalSetup: one throwaway PostgreSQL cluster for the whole run; every storage
 * and API test runs on it and on SQLite. SIAR_TEST_DATABASE_URL points at an existing
 * server instead. In CI a missing PostgreSQL fails the run; on a laptop without it, the
 * PostgreSQL half is skipped, loudly.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | void> {
  if (process.env.SIAR_TEST_DATABASE_URL) {
    project.provide('pgUrl', process.env.SIAR_TEST_DATABASE_URL);
    return;
  }
  const bin = findPostgresBin();
  if (!bin) {
    if (process.env.CI || process.env.SIAR_REQUIRE_POSTGRES) {
      throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb), but CI must run the PostgreSQL tests: .ci/run installs it with apt-get install postgresql.');
    }
    console.warn('\n*** PostgreSQL binaries not found: the PostgreSQL half of the server tests is SKIPPED. Install postgresql to run it. ***\n');
    project.provide('pgUrl', null);
    return;
  }
  const cluster = await startCluster(bin);
  project.provide('pgUrl', cluster.url);
  process.on('exit', () => cluster.stop());
  return () => cluster.stop();
}
