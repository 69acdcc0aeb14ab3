import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { runLoad, type LoadResult } from './support/load';

/**
 * Report ingest on loopback: the reference server with durable writes (SQLite WAL,
 * synchronous FULL: a report answered `accepted` is on disk) against a bare node:http
 * server that reads the body and answers 200. Same machine, same run, same load:
 * the same bodies in the same order, the same concurrency, alternating rounds.
 * Target: siar ≥ 0.5 × bare with one report a request, which is what Siar sends as each
 * share is made. Ten reports a request (a backlog after an outage) is printed too: there
 * the bare server still does nothing per report while the reference server parses,
 * validates and indexes each, so its ratio says more about SQLite than about HTTP.
 */

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const ROUNDS = 5;
/** Reports per request; the target applies to the first. */
const REPORTS_PER_REQUEST = [1, 10];
const TARGET = 0.5;
const WARM_UP = 200;

const here = dirname(fileURLToPath(import.meta.url));

function report(n: number) {
  return {
    id: crypto.randomUUID(),
    feed_url: 'https://siar.diskominfo.babelprov.go.id/feed.json',
    item_id: `saik-2019-pembukaan-${n % 20}`,
    item_url: 'https://babel.antaranews.com/berita/123456/saik-2019-dibuka-di-pangkalpinang',
    platform: ['x', 'facebook', 'whatsapp', 'threads'][n % 4],
    status: n % 3 === 0 ? 'confirmed' : 'published',
    method: n % 3 === 0 ? 'manual' : 'composer',
    post_url: `https://x.com/asn_${n % 500}/status/18612345678901${String(n).padStart(5, '0')}`,
    shared_at: '2026-11-26T09:14:03+07:00',
    reporter: { id: `1987031220100110${String(n % 100).padStart(2, '0')}`, name: 'Budi Santoso', unit: 'Diskominfo Kota Pangkalpinang' },
    client: { name: 'siar', version: '0.1.0' },
  };
}

function makeBodies(perRequest: number): Buffer[] {
  let n = 0;
  return Array.from({ length: REQUESTS }, () =>
    Buffer.from(JSON.stringify({ reports: Array.from({ length: perRequest }, () => report(n++)) })),
  );
}

async function startChild(kind: 'bare' | 'siar', dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'support', 'ingest-server.ts'), kind, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code})`)));
    setTimeout(() => reject(new Error(`${kind} server did not start`)), 30_000).unref();
  });
  return { child, port: (JSON.parse(line) as { port: number }).port };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

async function measure(kind: 'bare' | 'siar', bodies: Buffer[]): Promise<LoadResult & { rows?: number; mode?: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'siar-bench-'));
  const { child, port } = await startChild(kind, dataDir);
  try {
    // A short warm-up with other bodies, so that both servers are measured hot.
    await runLoad(`http://127.0.0.1:${port}/api/v1/shares`, makeBodies(1).slice(0, WARM_UP), CONCURRENCY);
    const result = await runLoad(`http://127.0.0.1:${port}/api/v1/shares`, bodies, CONCURRENCY);
    if (kind === 'bare') return result;
    await stopChild(child);
    // The server is gone: what counts is what SQLite has on disk.
    const db = new Database(join(dataDir, 'siar.sqlite'), { readonly: true });
    const rows = (db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
    const mode = String(db.pragma('journal_mode', { simple: true }));
    db.close();
    return { ...result, rows, mode };
  } finally {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

console.log(`report ingest, loopback: ${REQUESTS} requests × ${ROUNDS} rounds each, ${CONCURRENCY} keep-alive connections`);
let failed = false;
for (const perRequest of REPORTS_PER_REQUEST) {
  const bodies = makeBodies(perRequest);
  const ratios: number[] = [];
  const bare: number[] = [];
  const siar: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so that neither always gets the warmer machine.
    const order: ('bare' | 'siar')[] = round % 2 === 0 ? ['bare', 'siar'] : ['siar', 'bare'];
    const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
    for (const kind of order) results[kind] = await measure(kind, bodies);
    const s = results.siar!;
    const b = results.bare!;
    const expectedRows = REQUESTS * perRequest + WARM_UP;
    if (s.statuses[200] !== REQUESTS || s.rows !== expectedRows || s.mode !== 'wal') {
      console.error(`  siar round ${round + 1}: ${JSON.stringify(s.statuses)}, ${s.rows} rows (expected ${expectedRows}), journal ${s.mode}`);
      failed = true;
    }
    if (s.answers.some((answer) => (JSON.parse(answer) as { accepted: string[] }).accepted.length !== perRequest)) {
      console.error(`  siar round ${round + 1}: an answer did not accept every report`);
      failed = true;
    }
    bare.push(b.perSecond);
    siar.push(s.perSecond);
    ratios.push(s.perSecond / b.perSecond);
  }
  const ratio = median(ratios);
  const verdict = perRequest === REPORTS_PER_REQUEST[0] ? `target ≥ ${TARGET}×: ${ratio >= TARGET ? 'OK' : 'BELOW TARGET'}` : 'no target: a backlog';
  console.log(
    `  ${perRequest} report${perRequest > 1 ? 's' : ''}/request: bare node:http ${fmt(median(bare))} req/s, ` +
      `siar (SQLite WAL, synchronous FULL) ${fmt(median(siar))} req/s = ${fmt(median(siar) * perRequest)} reports/s; ` +
      `ratio ${ratio.toFixed(2)}× (rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')}; ${verdict})`,
  );
}
if (failed) process.exit(1);
