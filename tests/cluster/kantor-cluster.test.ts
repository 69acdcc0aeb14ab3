import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKantor } from '../../server/app';
import { enrollPeople, postgresReportIds } from '../bench/support/kantor-target';
import { spawnServer, stopProcess, type LoadPerson, type LoadTarget } from '../bench/support/load-target';
import { checkLedger, driveReports, loadReport, newLedger, resendUnsettled } from '../bench/support/report-load';
import { startCluster, type Cluster } from './support/cluster';

/**
 * Two Siar Kantor instances on one PostgreSQL primary through pgbouncer (transaction
 * pooling), their dashboards reading from a streaming replica: what issue 15 asks of
 * a ministry's deployment.
 */

interface Instance {
  child: ChildProcess;
  origin: string;
}

let cluster: Cluster;
let people: LoadPerson[];
let a: Instance;
let b: Instance;

async function startInstance(): Promise<Instance> {
  return spawnServer(['server/cli.ts', 'serve', '--port', '0', '--database-url', cluster.pooler.url, '--read-database-url', cluster.pooler.replicaUrl, '--retain-months', '13']);
}

function target(instance: Instance): LoadTarget {
  return { label: instance.origin, origin: instance.origin, reportPath: '/api/v1/shares', feedPath: '/feed.json', people, cpu: () => ({ server: 0, database: null }), storedReportIds: () => postgresReportIds(cluster.primary.url), stop: async () => undefined };
}

async function post(instance: Instance, person: LoadPerson, reports: unknown[]) {
  const response = await fetch(`${instance.origin}/api/v1/shares`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${person.token}` },
    body: JSON.stringify({ reports }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { accepted: string[]; duplicate: string[]; rejected: unknown[] };
}

const cookieJar = (response: Response, jar = new Map<string, string>()) => {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const at = pair!.indexOf('=');
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
  return jar;
};
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

async function signIn(instance: Instance): Promise<Map<string, string>> {
  const form = await fetch(`${instance.origin}/login`);
  const jar = cookieJar(form);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const done = await fetch(`${instance.origin}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ _csrf: csrf, name: 'kantor', password: 'rahasia-sekali-123', next: '/dashboard' }),
  });
  expect(done.status).toBe(303);
  return cookieJar(done, jar);
}

async function dashboardShares(instance: Instance, jar: Map<string, string>): Promise<number> {
  const response = await fetch(`${instance.origin}/dashboard`, { headers: { cookie: cookieHeader(jar) }, redirect: 'manual' });
  expect(response.status).toBe(200);
  return Number(/data-total="shares">(\d+)</.exec(await response.text())![1]);
}

describe('two Siar Kantor instances on primary + replica + pgbouncer', () => {
  beforeAll(async () => {
    cluster = await startCluster();
    // Migrations and the office's set-up on the primary, as an admin would before starting the instances.
    people = await enrollPeople({ kind: 'postgres', url: cluster.primary.url }, 50);
    const kantor = await openKantor({ host: '127.0.0.1', port: 0, database: { kind: 'postgres', url: cluster.primary.url } });
    await kantor.users.add('kantor', 'admin', 'rahasia-sekali-123', 'test');
    await kantor.siar.close();
    [a, b] = [await startInstance(), await startInstance()];
  });
  afterAll(async () => {
    for (const instance of [a, b]) if (instance) await stopProcess(instance.child, 'SIGKILL');
    await cluster?.stop();
  });

  it('partitions reports by month and lands each report once, whichever instance gets it or its resend', async () => {
    const partitions = await cluster.sql('primary', "SELECT count(*) FROM pg_inherits WHERE inhparent = 'reports'::regclass");
    expect(Number(partitions)).toBeGreaterThanOrEqual(3);
    const ids: string[] = [];
    for (let n = 0; n < 40; n++) {
      const person = people[n % people.length]!;
      const report = loadReport(crypto.randomUUID(), n, person);
      ids.push(report.id);
      const [first, second] = n % 2 === 0 ? [a, b] : [b, a];
      expect((await post(first, person, [report])).accepted).toEqual([report.id]);
      expect((await post(second, person, [report])).duplicate).toEqual([report.id]);
    }
    const stored = await postgresReportIds(cluster.primary.url);
    expect(ids.every((id) => stored.get(id) === 1)).toBe(true);
    expect(stored.size).toBe(40);
    const where = await cluster.sql('primary', "SELECT DISTINCT tableoid::regclass FROM reports");
    expect(where.trim()).toMatch(/^reports_\d{4}_\d{2}$/);
    expect((await cluster.sql('primary', 'SELECT sum(shares) FROM report_rollups')).trim()).toBe('40');
  });

  it('shares sign-in across instances and reads the dashboard from the replica', async () => {
    const jar = await signIn(a);
    await cluster.waitForReplay();
    const before = await dashboardShares(b, jar);
    expect(before).toBe(40);
    await cluster.sql('replica', 'SELECT pg_wal_replay_pause()');
    try {
      const person = people[0]!;
      await post(a, person, [loadReport(crypto.randomUUID(), 1000, person), loadReport(crypto.randomUUID(), 1001, person)]);
      expect((await cluster.sql('primary', 'SELECT sum(shares) FROM report_rollups')).trim()).toBe('42');
      // The primary has them; the paused replica, which the dashboard reads, does not yet.
      expect(await dashboardShares(a, jar)).toBe(40);
      expect(await dashboardShares(b, jar)).toBe(40);
    } finally {
      await cluster.sql('replica', 'SELECT pg_wal_replay_resume()');
    }
    await cluster.waitForReplay();
    expect(await dashboardShares(b, jar)).toBe(42);
  });

  it('holds one limit on code guessing for both instances (counted in the primary, through the pooler)', async () => {
    const guess = (instance: Instance, n: number) =>
      fetch(`${instance.origin}/api/v1/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: `tebakan-${n}` }) });
    const statuses: number[] = [];
    // `siar serve` allows 10 a minute an address; alternating, each instance alone sees 6.
    for (let n = 0; n < 12; n++) statuses.push((await guess(n % 2 === 0 ? a : b, n)).status);
    expect(statuses).toEqual([...Array(10).fill(410), 429, 429]);
    expect(Number(await cluster.sql('primary', "SELECT max(hits) FROM rate_limits WHERE key LIKE '%/api/v1/enroll-%'"))).toBe(12);
  });

  it('loses no accepted report when one instance is killed mid-load', async () => {
    const [onLedgerA, onLedgerB] = [newLedger(), newLedger()];
    // Killed once it has answered some: mid-load, with requests in flight, whatever the machine's speed.
    const killed = (async () => {
      const deadline = Date.now() + 60_000;
      // eslint-disable-next-line no-restricted-syntax -- a poll interval while reports arrive (bounded by the deadline), not a fixed sleep
      while (onLedgerA.stored.size < 10 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      a.child.kill('SIGKILL');
    })();
    const [onA, onB] = await Promise.all([driveReports(target(a), onLedgerA, 32, 6), driveReports(target(b), onLedgerB, 32, 6), killed]);
    expect(onA.ok).toBeGreaterThan(0);
    expect(onA.errors).toBeGreaterThan(0);
    expect(onB.ok).toBeGreaterThan(0);
    // One outbox per client: what A took and never answered, its clients send again, to B.
    const ledger = newLedger();
    for (const part of [onLedgerA, onLedgerB]) {
      for (const [id, body] of part.bodies) ledger.bodies.set(id, body);
      for (const id of part.stored) ledger.stored.add(id);
      for (const id of part.deferred) ledger.deferred.add(id);
      for (const [id, status] of part.refused) ledger.refused.set(id, status);
    }
    await resendUnsettled(target(b), ledger);
    const check = checkLedger(ledger, await postgresReportIds(cluster.primary.url));
    expect(check.lost).toEqual([]);
    expect(check.doubled).toEqual([]);
    expect(check.unsettled).toBe(0);
    expect(ledger.refused.size).toBe(0);
    // Stored = every report of this test + the 42 before it, each once.
    expect(check.rows).toBe(ledger.bodies.size + 42);
    expect((await cluster.sql('primary', 'SELECT sum(shares) FROM report_rollups')).trim()).toBe(String(check.rows));
  });
});
