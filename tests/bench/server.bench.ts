import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openKantor } from '../../server/app';
import type { DatabaseTarget } from '../../server/db/connect';
import { generateSigningKeys, privateKeyFromText } from '../../server/signing';
import { demoPosts, upsertPosts } from '../../server/store/posts';
import { findPostgresBin, startCluster, type Cluster } from '../support/postgres-cluster';
import { fsyncFloor } from './support/fsync-floor';

/**
 * `npm run bench -- server` (issue 10), on loopback, on SQLite and on PostgreSQL:
 *  - report ingest with a person's token, every report on disk before its 200 (SQLite WAL +
 *    synchronous FULL; PostgreSQL synchronous_commit on), one report a request, at
 *    concurrency 1, 32 and 256 (autocannon): reports/s, p50, p99, against a bare Fastify 200
 *    on the same machine in the same run, alternating which goes first. Goal ≥ 0.5×.
 *  - the feed built and signed (JWS, v2) from 500 posts: median ms. Goal ≤ 50 ms.
 * Printed, not asserted: the machine is shared and its timings are noisy.
 */

const here = dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const WARM_UP_SECONDS = 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONCURRENCIES = [1, 32, 256];
const TARGET = 0.5;

let n = 0;
function body(): string {
  n++;
  return JSON.stringify({
    reports: [
      {
        id: crypto.randomUUID(),
        feed_url: 'https://siar.diskominfo.babelprov.go.id/feed.json',
        item_id: `saik-2019-pembukaan-${n % 20}`,
        item_url: 'https://babel.antaranews.com/berita/123456/saik-2019-dibuka-di-pangkalpinang',
        platform: ['x', 'facebook', 'whatsapp', 'threads'][n % 4],
        status: 'published',
        method: 'composer',
        post_url: `https://x.com/asn_${n % 500}/status/18612345678901${String(n).padStart(5, '0')}`,
        shared_at: new Date(Date.now() - 60_000).toISOString(),
        reporter: { id: '198703122010011001', name: 'Budi Santoso', unit: 'Diskominfo Kota Pangkalpinang' },
        client: { name: 'siar', version: '0.1.0' },
      },
    ],
  });
}

async function startChild(args: string[]): Promise<{ child: ChildProcess; port: number; token: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'support', 'ingest-server.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${args[0]} server exited (${code})`)));
    setTimeout(() => reject(new Error(`${args[0]} server did not start`)), 60_000).unref();
  });
  return { child, ...(JSON.parse(line) as { port: number; token: string }) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function load(port: number, token: string, connections: number, seconds: number): Promise<Load> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/v1/shares`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        setupRequest: (request) => ({ ...request, body: body() }),
      },
    ],
  });
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx + result.errors + result.timeouts };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const medianLoad = (runs: Load[]): Load => ({
  perSecond: median(runs.map((r) => r.perSecond)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
});
const machine = () => `${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;
const fmt = (value: number) => Math.round(value).toLocaleString('en-US');

async function ingest(label: string, siarArgs: () => string[]): Promise<void> {
  for (const connections of CONCURRENCIES) {
    // Both servers up at once; the loads alternate between them, ROUNDS times, and the medians are compared.
    const servers = { bare: await startChild(['bare']), siar: await startChild(siarArgs()) };
    const runs: Record<'bare' | 'siar', Load[]> = { bare: [], siar: [] };
    try {
      for (const kind of ['bare', 'siar'] as const) await load(servers[kind].port, servers[kind].token, Math.min(connections, 8), WARM_UP_SECONDS); // hot JIT and caches
      for (let round = 0; round < ROUNDS; round++) {
        const order: ('bare' | 'siar')[] = round % 2 === 0 ? ['bare', 'siar'] : ['siar', 'bare'];
        for (const kind of order) runs[kind].push(await load(servers[kind].port, servers[kind].token, connections, SECONDS));
      }
    } finally {
      await Promise.all([stopChild(servers.bare.child), stopChild(servers.siar.child)]);
    }
    const bare = medianLoad(runs.bare);
    const siar = medianLoad(runs.siar);
    const ratio = siar.perSecond / bare.perSecond;
    const floor = connections === 1 ? ` · ${((100 * siar.perSecond) / disk.perSecond).toFixed(0)}% of the disk's fsync floor (${fmt(disk.perSecond)}/s)` : '';
    console.log(
      `  ${label.padEnd(10)} c=${String(connections).padEnd(3)} siar ${fmt(siar.perSecond).padStart(6)} reports/s (p50 ${siar.p50} ms, p99 ${siar.p99} ms)` +
        ` · bare Fastify ${fmt(bare.perSecond).padStart(6)} req/s (p50 ${bare.p50} ms, p99 ${bare.p99} ms)` +
        ` · ${ratio.toFixed(2)}× ${ratio >= TARGET ? 'OK' : 'BELOW TARGET'}${floor}${siar.non2xx ? ` · ${siar.non2xx} non-2xx/errors` : ''}`,
    );
  }
}

async function feedTiming(label: string, database: DatabaseTarget): Promise<void> {
  const keys = generateSigningKeys();
  const kantor = await openKantor({ host: '127.0.0.1', port: 0, database, signingKey: privateKeyFromText(keys.privateKey) });
  try {
    const template = demoPosts()[1]!;
    const posts = Array.from({ length: 500 }, (_, i) => ({ ...template, id: `pos-${i}`, title: `${template.title} ${i}`, status: 'approved' as const, valid_until: null }));
    await upsertPosts(kantor.siar.db, posts);
    const times: number[] = [];
    for (let round = 0; round < 21; round++) {
      // A changed post each round: the body, its hash, a new seq and a new signature, every time.
      await kantor.siar.db.updateTable('posts').set({ title: `diperbarui ${round}` }).where('id', '=', 'pos-0').execute();
      const started = performance.now();
      const version = await kantor.feed.current('https://siar.example.go.id', 'https://siar.example.go.id/feed.json', new Date(Date.now() + round * 3000));
      times.push(performance.now() - started);
      if (!version.signature) throw new Error('unsigned');
    }
    const ms = median(times.slice(1));
    console.log(`  ${label.padEnd(10)} feed of 500 posts read, built and signed (JWS): median ${ms.toFixed(1)} ms (goal ≤ 50 ms: ${ms <= 50 ? 'OK' : 'ABOVE GOAL'})`);
  } finally {
    await kantor.siar.close();
  }
}

const sqliteDir = () => mkdtempSync(join(tmpdir(), 'siar-bench-'));
const dirs: string[] = [];
let cluster: Cluster | null = null;
const disk = fsyncFloor();
try {
  console.log(`Siar Kantor, loopback, ${ROUNDS} × ${SECONDS} s a measurement (medians), one report a request, a person's token (${machine()}):`);
  console.log(`  disk: 8 kB write + fdatasync ${fmt(disk.perSecond)}/s (median ${disk.medianMs.toFixed(2)} ms): the most reports/s one client can have durably stored`);
  await ingest('SQLite', () => {
    const dir = sqliteDir();
    dirs.push(dir);
    return ['siar', 'sqlite', dir];
  });
  const bin = findPostgresBin();
  let databaseCount = 0;
  if (bin) {
    cluster = await startCluster(bin);
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    const newDatabase = async () => {
      const name = `bench_${databaseCount++}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(cluster!.url);
      url.pathname = `/${name}`;
      return url.toString();
    };
    const urls: string[] = [];
    for (let i = 0; i < CONCURRENCIES.length + 1; i++) urls.push(await newDatabase());
    await ingest('PostgreSQL', () => ['siar', 'postgres', urls.shift()!]);
    await feedTiming('SQLite', { kind: 'sqlite', dataDir: (dirs.push(sqliteDir()), dirs.at(-1)!) });
    await feedTiming('PostgreSQL', { kind: 'postgres', url: urls.shift()! });
    await admin.end();
  } else {
    console.log('  PostgreSQL: not installed here, skipped');
    await feedTiming('SQLite', { kind: 'sqlite', dataDir: (dirs.push(sqliteDir()), dirs.at(-1)!) });
  }
  console.log(`  (${machine()} at the end)`);
} finally {
  cluster?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
