import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from './support/cluster';

/** The harness itself: a real primary, a streaming replica and pgbouncer, each doing its job. */
describe('cluster harness', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('streams from the primary to a replica in recovery', async () => {
    expect((await cluster.sql('primary', 'SELECT pg_is_in_recovery()')).trim()).toBe('f');
    expect((await cluster.sql('replica', 'SELECT pg_is_in_recovery()')).trim()).toBe('t');
    expect((await cluster.sql('primary', 'SELECT state FROM pg_stat_replication')).trim()).toBe('streaming');
  });

  it('shows a write on the primary on the replica, which refuses writes', async () => {
    const marker = crypto.randomUUID();
    await cluster.sql('primary', `CREATE TABLE harness_check (v text); INSERT INTO harness_check VALUES ('${marker}')`);
    await cluster.waitForReplay();
    expect((await cluster.sql('replica', 'SELECT v FROM harness_check')).trim()).toBe(marker);
    await expect(cluster.sql('replica', "INSERT INTO harness_check VALUES ('no')")).rejects.toThrow(/read-only transaction/);
  });

  it('pools in transaction mode: the database to the primary, <database>_replica to the replica', async () => {
    await cluster.sql('pooler', "INSERT INTO harness_check VALUES ('through pgbouncer')");
    await cluster.waitForReplay();
    expect((await cluster.sql('primary', "SELECT count(*) FROM harness_check WHERE v = 'through pgbouncer'")).trim()).toBe('1');
    expect((await cluster.sql('pooler', 'SELECT pg_is_in_recovery()')).trim()).toBe('f');
    expect((await cluster.sql('pooler', 'SELECT pg_is_in_recovery()', `${cluster.database}_replica`)).trim()).toBe('t');
    expect(await cluster.sql('pooler', 'SHOW CONFIG', 'pgbouncer')).toMatch(/^pool_mode\|transaction\|/m);
    expect(new URL(cluster.pooler.replicaUrl).pathname).toBe(`/${cluster.database}_replica`);
  });

  it('leaves nothing behind', async () => {
    const probe = await startCluster({ database: 'probe' });
    expect(existsSync(probe.dir)).toBe(true);
    await probe.stop();
    expect(existsSync(probe.dir)).toBe(false);
    await expect(probe.sql('primary', 'SELECT 1')).rejects.toThrow();
  });
});
