import { cpus, loadavg } from 'node:os';
import { compareFeed } from './support/feed-load';
import { startPostgresTarget, startSqliteTarget } from './support/kantor-target';
import type { LoadTarget } from './support/load-target';
import { checkLedger, driveReports, newLedger, resendUnsettled, type LevelResult } from './support/report-load';

/**
 * `npm run bench -- load`: the national-scale load (docs/SCALE.md) against a real
 * server. For each target: reports at 1, 32, 256 and 1000 connections (one report a
 * request, a fresh UUID each), then the feed polled with If-None-Match. Afterwards the
 * outbox's duty is played (every 503'd or unanswered report sent again with its id)
 * and the database is read: every report answered 2xx is there exactly once, and no
 * 503'd report is there twice. Figures are printed against the issue's targets; a
 * lost or doubled report fails the bench, a missed speed target does not.
 *
 *   BENCH_SECONDS=10           seconds per level
 *   BENCH_CONNECTIONS=1,32,256,1000
 *   BENCH_TARGETS=sqlite,postgres   which servers (siar serve on each database)
 *   BENCH_PEOPLE=2000          enrolled people whose tokens the load uses
 *   BENCH_PARTS=reports,feed   which loads (the feed alone: BENCH_PARTS=feed)
 *   BENCH_FEED_ROUNDS=5        feed rounds, alternating with a bare Fastify 304 (medians)
 *   BENCH_FEED_SECONDS=4       seconds a feed round
 *   BENCH_WORKERS=1            siar serve --workers N
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LEVELS = (process.env.BENCH_CONNECTIONS ?? '1,32,256,1000').split(',').map(Number);
const FEED_CONNECTIONS = 256;
const PARTS = (process.env.BENCH_PARTS ?? 'reports,feed').split(',');
const FEED_ROUNDS = Number(process.env.BENCH_FEED_ROUNDS ?? 5);
const FEED_SECONDS = Number(process.env.BENCH_FEED_SECONDS ?? 4);

const TARGETS: Record<string, () => Promise<LoadTarget>> = {
  sqlite: startSqliteTarget,
  postgres: startPostgresTarget,
};
const chosen = (process.env.BENCH_TARGETS ?? Object.keys(TARGETS).join(',')).split(',');

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const machine = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`;
const row = (cells: (string | number)[]) => cells.map((cell, i) => String(cell).padStart(i === 0 ? 6 : 10)).join(' ');

function verdict(ok: boolean): string {
  return ok ? 'OK' : 'BELOW TARGET';
}

let failed = false;
for (const name of chosen) {
  const start = TARGETS[name];
  if (!start) {
    console.error(`unknown target ${name}; known: ${Object.keys(TARGETS).join(', ')}`);
    process.exit(2);
  }
  const target = await start();
  try {
    console.log(`\n${target.label} at ${target.origin}, ${SECONDS} s a level (${machine()})`);
    const levels: LevelResult[] = [];
    let check: ReturnType<typeof checkLedger> | null = null;
    if (PARTS.includes('reports')) {
      console.log(row(['conn', 'req/s', 'sustained', 'p50 ms', 'p99 ms', '2xx', '503', 'other', 'errors', 'CPU ms/2xx']));
      const ledger = newLedger();
      for (const connections of LEVELS) {
        const before = target.cpu();
        const level = await driveReports(target, ledger, connections, SECONDS);
        const after = target.cpu();
        levels.push(level);
        // CPU per stored report: what a report costs, whatever else the machine was doing.
        const perOk = (a: number | null, b: number | null) => (a === null || b === null || level.ok === 0 ? '—' : ((b - a) * 1000 / level.ok).toFixed(2));
        const cpu = `${perOk(before.server, after.server)}${after.database === null ? '' : ` + ${perOk(before.database, after.database)} db`}`;
        console.log(row([connections, fmt(level.perSecond), fmt(level.sustained), level.p50, level.p99, level.ok, level.status503, level.otherStatus, `${level.errors} (${level.timeouts} timeouts)`, cpu]));
      }
      const resend = await resendUnsettled(target, ledger);
      check = checkLedger(ledger, await target.storedReportIds());
      const clean = check.lost.length === 0 && check.doubled.length === 0 && check.strangers === 0 && check.unsettled === 0;
      console.log(
        `  database: ${fmt(check.sent)} reports sent, ${fmt(check.rows)} rows; ${fmt(ledger.deferred.size)} answered 503 and ` +
          `${fmt(resend.resent)} resent in ${resend.rounds} round(s), ${fmt(check.deferredThenStored)} of the 503'd stored once; ` +
          `lost ${check.lost.length}, stored twice ${check.doubled.length}, unknown rows ${check.strangers}, unsettled ${check.unsettled}, refused ${ledger.refused.size}: ` +
          (clean ? 'OK' : 'FAILED'),
      );
      if (!clean) failed = true;
    }

    if (PARTS.includes('feed')) {
      const { siar: feed, bare, rounds, cpuPerAnswer } = await compareFeed(target, FEED_CONNECTIONS, FEED_SECONDS, FEED_ROUNDS);
      console.log(
        `  feed with If-None-Match, ${FEED_CONNECTIONS} connections, median of ${FEED_ROUNDS} × ${FEED_SECONDS} s: ${fmt(feed.perSecond)} req/s, p50 ${feed.p50} ms, p99 ${feed.p99} ms, ` +
          `${fmt(feed.notModified)} × 304, ${feed.other} other, ${feed.errors} errors, ${Math.round(feed.bytesPerAnswer)} bytes an answer, ${cpuPerAnswer.toFixed(0)} µs server CPU an answer`,
      );
      console.log(
        `  reference, a bare Fastify 304 in its own process, alternating in the same run (autocannon shares the ${cpus().length} cores with the server): ` +
          `${fmt(bare.perSecond)} req/s, ${Math.round(bare.bytesPerAnswer)} bytes; Siar Kantor ${(feed.perSecond / bare.perSecond).toFixed(2)}× of it ` +
          `(rounds, Siar/bare: ${rounds.map((r) => `${fmt(r.siar)}/${fmt(r.bare)}`).join(', ')})`,
      );
      console.log(`  target, feed 304: ≥ 10,000 req/s, ≤ 300 bytes: ${fmt(feed.perSecond)}/s, ${Math.round(feed.bytesPerAnswer)} bytes: ${verdict(feed.perSecond >= 10_000 && feed.bytesPerAnswer <= 300 && feed.other === 0)}`);
    }

    const at256 = levels.find((level) => level.connections === 256);
    if (at256) {
      const ok = at256.sustained >= 3000 && at256.p99 <= 200 && at256.errors === 0 && at256.otherStatus === 0 && at256.status503 === 0;
      console.log(`  target, 256 connections: ≥ 3,000 reports/s sustained, p99 ≤ 200 ms, 0 errors: ${fmt(at256.sustained)}/s, p99 ${at256.p99} ms, ${at256.errors + at256.otherStatus + at256.status503} errors: ${verdict(ok)}`);
    }
    const overload = levels.find((level) => level.connections === 1000);
    if (overload) {
      const lost = check?.lost.length ?? 0;
      const ok = overload.timeouts === 0 && (overload.status503 === 0 || overload.retryAfterSeen) && lost === 0;
      console.log(
        `  target, overload (1000 connections): 0 accepted lost, 503 + Retry-After instead of timeouts: ${overload.timeouts} timeouts, ` +
          `${overload.status503} × 503${overload.status503 ? (overload.retryAfterSeen ? ' with Retry-After' : ' WITHOUT Retry-After') : ''}, ${lost} lost: ${verdict(ok)}`,
      );
    }
    console.log(`  (${machine()} at the end)`);
  } finally {
    await target.stop();
  }
}
if (failed) process.exit(1);
