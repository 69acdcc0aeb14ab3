import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseTarget } from '../../../server/db/connect';

/**
 * Every storage and API test runs on both databases: `describe.each(DATABASES)`. Each
 * target is fresh: a new SQLite directory, or a new database in the run's PostgreSQL cluster.
 */

export type DatabaseKind = DatabaseTarget['kind'];

const pgUrl = inject('pgUrl');
export const DATABASES: DatabaseKind[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  target: DatabaseTarget;
  drop(): Promise<void>;
}

let counter = 0;

export async function freshDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'siar-test-'));
    return { target: { kind, dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `siar_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: pgUrl! });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgUrl!);
  url.pathname = `/${name}`;
  return {
    target: { kind, url: url.toString() },
    drop: async () => {
      const again = new pg.Client({ connectionString: pgUrl! });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}
