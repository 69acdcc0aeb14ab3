import { Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent } from 'kysely';
import SQLite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { addDays, formatWithOffset } from '../../lib/time/zoned-date';
import { openDatabase, sqliteFile, type DatabaseTarget } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import type { Database } from '../../server/db/schema';
import { seedLoad } from '../../server/scale/seed-load';
import { exportRows } from '../../server/stats/export';
import { readSummary } from '../../server/stats/summary-data';
import { findPostgresBin, startCluster } from '../support/postgres-cluster';

/**
 * `npm run bench -- server` (issues 13 and 15): every query of the dashboard
 * (server/stats/summary-data.ts, read from the rollups) over 100,000 reports on SQLite
 * (goal ≤ 300 ms each) and 1,000,000 on PostgreSQL (goal ≤ 1 s each), seeded by
 * seed-load (30 days, one person per 30 reports, 200 units), for a 1-day, 7-day and
 * 30-day range: each query's median over 5 runs, then the plans of the slowest three.
 *
 *   BENCH_REPORTS=100000        SQLite reports (0: skip)
 *   BENCH_PG_REPORTS=1000000    PostgreSQL reports (0: skip)
 */

const SQLITE_REPORTS = Number(process.env.BENCH_REPORTS ?? 100_000);
const PG_REPORTS = Number(process.env.BENCH_PG_REPORTS ?? 1_000_000);
const DAYS = 30;
const RUNS = 5;
const machine = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${cpus().length} cores`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

interface Timed {
  ms: number;
  sql: string;
  parameters: readonly unknown[];
  range: string;
}

async function seed(target: DatabaseTarget, reports: number): Promise<void> {
  const siar = await openDatabase(target);
  await migrateToLatest(siar);
  const started = Date.now();
  const written = await seedLoad(siar, { reports, days: DAYS, people: Math.max(1, Math.round(reports / 30)), units: 200, seed: 15 });
  console.log(`  seeded ${written.toLocaleString('en-US')} reports with seed-load in ${((Date.now() - started) / 1000).toFixed(1)} s (${machine()})`);
  await siar.close();
}

async function measure(label: string, open: (log: (event: LogEvent) => void) => Kysely<Database>, goal: number, explain: (db: Kysely<Database>, t: Timed) => Promise<string[]>) {
  const timings = new Map<string, { values: number[]; parameters: readonly unknown[] }>();
  const db = open((event) => {
    if (event.level !== 'query') return;
    const entry = timings.get(event.query.sql) ?? { values: [], parameters: event.query.parameters };
    entry.values.push(event.queryDurationMillis);
    timings.set(event.query.sql, entry);
  });
  const today = formatWithOffset(new Date(), 'Asia/Jakarta').slice(0, 10);
  const all: Timed[] = [];
  for (const days of [1, 7, 30]) {
    timings.clear();
    const range = { from: addDays(today, -(days - 1)), to: today, days };
    await readSummary(db, range); // warm-up
    timings.clear();
    const started = performance.now();
    for (let run = 0; run < RUNS; run++) await readSummary(db, range);
    const whole = (performance.now() - started) / RUNS;
    let firstPage = 0;
    const t = performance.now();
    for await (const rows of exportRows(db, range)) {
      firstPage = rows.length;
      break;
    }
    const exportMs = performance.now() - t;
    console.log(`\n${label}, ${days}-day range ${range.from} – ${range.to} (${machine()}): the whole dashboard ${whole.toFixed(0)} ms`);
    for (const [text, { values, parameters }] of timings) {
      const ms = median(values);
      all.push({ ms, sql: text, parameters, range: `${days}-day` });
      console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${ms <= goal ? 'ok  ' : 'SLOW'}  ${text.replace(/\s+/g, ' ').slice(0, 110)}…`);
    }
    console.log(`  ${exportMs.toFixed(1).padStart(8)} ms        (CSV export, first page of ${firstPage} rows)`);
  }
  const slowest = [...all].sort((a, b) => b.ms - a.ms).slice(0, 3);
  const worst = slowest[0]!;
  console.log(`\n${label}: slowest query ${worst.ms.toFixed(1)} ms (${worst.range}), goal ≤ ${goal} ms: ${worst.ms <= goal ? 'OK' : 'ABOVE GOAL'}`);
  for (const t of slowest) {
    console.log(`\nplan of the ${t.range} query (${t.ms.toFixed(1)} ms):\n  ${t.sql.replace(/\s+/g, ' ')}\n  parameters ${JSON.stringify(t.parameters)}`);
    for (const line of await explain(db, t)) console.log(`    ${line}`);
  }
  await db.destroy();
}

if (SQLITE_REPORTS > 0) {
  const dir = mkdtempSync(join(tmpdir(), 'siar-bench-summary-'));
  try {
    console.log(`SQLite, ${SQLITE_REPORTS.toLocaleString('en-US')} reports over ${DAYS} days`);
    await seed({ kind: 'sqlite', dataDir: dir }, SQLITE_REPORTS);
    const file = new SQLite(sqliteFile(dir));
    file.exec('ANALYZE');
    await measure('SQLite', (log) => new Kysely<Database>({ dialect: new SqliteDialect({ database: file }), log }), 300, async (_db, t) =>
      (file.prepare(`EXPLAIN QUERY PLAN ${t.sql}`).all(...(t.parameters as unknown[])) as { detail: string }[]).map((row) => row.detail),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (PG_REPORTS > 0) {
  // One throwaway server, no replica: seeding is what takes the time here.
  const cluster = await startCluster(findPostgresBin()!);
  try {
    console.log(`\nPostgreSQL, ${PG_REPORTS.toLocaleString('en-US')} reports over ${DAYS} days`);
    await seed({ kind: 'postgres', url: cluster.url }, PG_REPORTS);
    await measure('PostgreSQL', (log) => new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: cluster.url, max: 2 }) }), log }), 1000, async (db, t) => {
      const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS) ${sql.raw(inline(t.sql, t.parameters))}`.execute(db);
      return rows.map((row) => row['QUERY PLAN']);
    });
  } finally {
    cluster.stop();
  }
}

/** The query with its $n parameters written in, for EXPLAIN. */
function inline(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = parameters[Number(n) - 1];
    return typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
  });
}
