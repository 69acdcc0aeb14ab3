import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type LogEvent } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, sqliteFile } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import type { Database } from '../../server/db/schema';
import { addDays, formatWithOffset, startOfDate } from '../../lib/time/zoned-date';
import { readSummary } from '../../server/stats/summary-data';

/**
 * `npm run bench -- server` (issue 13): the summary's (`/rekap`) queries over 100,000
 * reports on SQLite, 2,000 people in 40 units, 30 days: each query's median time over 5
 * runs, for a 7-day and a 30-day range; goal ≤ 300 ms each. Prints the slowest's plan.
 * PostgreSQL with 1,000,000 reports is not measured yet (see the issue).
 */

const REPORTS = Number(process.env.BENCH_REPORTS ?? 100_000);
const PEOPLE = 2000;
const UNITS = 40;
const DAYS = 30;
const GOAL_MS = 300;

const dir = mkdtempSync(join(tmpdir(), 'siar-bench-summary-'));
try {
  const siar = await openDatabase({ kind: 'sqlite', dataDir: dir });
  await migrateToLatest(siar);
  await siar.close();

  const file = new SQLite(sqliteFile(dir));
  const today = formatWithOffset(new Date(), 'Asia/Jakarta').slice(0, 10);
  file.transaction(() => {
    const person = file.prepare('INSERT INTO people (nip, name, unit, created_at) VALUES (?, ?, ?, ?)');
    for (let i = 1; i <= PEOPLE; i++) person.run(`1987031220100${String(i).padStart(5, "0")}`, `Pegawai ${i}`, `Unit ${i % UNITS}`, new Date().toISOString());
    const report = file.prepare(`INSERT INTO reports (id, feed_url, item_id, item_url, platform, status, method, post_url, shared_at, reporter_id, reporter_name, reporter_unit,
      client_name, client_version, received_at, person_id, verified) VALUES (?, 'https://siar.example.go.id/feed.json', ?, ?, ?, 'published', 'composer', ?, ?, ?, ?, ?, 'siar', '1', ?, ?, ?)`);
    for (let i = 0; i < REPORTS; i++) {
      const personId = 1 + (i * 7919) % PEOPLE;
      const day = addDays(today, -(i % DAYS));
      const at = formatWithOffset(new Date(startOfDate(day, 'Asia/Jakarta').getTime() + (i % 86_000) * 1000), 'Asia/Jakarta');
      const verified = i % 50 === 0 ? 0 : 1;
      report.run(crypto.randomUUID(), `post-${i % 60}`, `https://example.go.id/${i % 60}`, ['x', 'facebook', 'whatsapp', 'threads'][i % 4], `https://x.com/a/status/${i}`, at, String(personId), `Pegawai ${personId}`, `Unit ${personId % UNITS}`, at, verified ? personId : null, verified);
    }
  })();
  file.exec('ANALYZE');

  const timings = new Map<string, number[]>();
  const log = (event: LogEvent) => {
    if (event.level !== 'query') return;
    const key = event.query.sql;
    timings.set(key, [...(timings.get(key) ?? []), event.queryDurationMillis]);
  };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }), log });
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  console.log(`SQLite, ${REPORTS.toLocaleString('en')} reports, ${PEOPLE} people in ${UNITS} units, ${DAYS} days`);
  let worst = { ms: 0, sql: '', parameters: [] as readonly unknown[] };
  for (const days of [7, 30]) {
    timings.clear();
    const range = { from: addDays(today, -(days - 1)), to: today, days };
    const params = new Map<string, readonly unknown[]>();
    const capture = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }), log: (e) => {
      if (e.level === 'query') params.set(e.query.sql, e.query.parameters);
    } });
    await readSummary(capture, range);
    for (let run = 0; run < 5; run++) await readSummary(db, range);
    console.log(`\n${days}-day range:`);
    for (const [sql, values] of timings) {
      const ms = median(values);
      const name = sql.replace(/\s+/g, ' ').slice(0, 90);
      console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${ms <= GOAL_MS ? 'ok  ' : 'SLOW'}  ${name}…`);
      if (ms > worst.ms) worst = { ms, sql, parameters: params.get(sql) ?? [] };
    }
  }
  console.log(`\nslowest: ${worst.ms.toFixed(1)} ms (goal ≤ ${GOAL_MS} ms)\n${worst.sql}\nplan:`);
  for (const row of file.prepare(`EXPLAIN QUERY PLAN ${worst.sql}`).all(...(worst.parameters as unknown[])) as { detail: string }[]) console.log(`  ${row.detail}`);
  file.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
