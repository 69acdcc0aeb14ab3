import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { openKantor } from '../../server/app';
import { seedLoad } from '../../server/scale/seed-load';
import { findPostgresBin, startCluster } from '../support/postgres-cluster';
import { spawnServer, stopProcess } from './support/load-target';

/**
 * `npm run bench -- dashboard`: the dashboard's pages on PostgreSQL over many reports
 * (issue 15 target: every page ≤ 1 s with 10,000,000 reports). Seeds with seed-load,
 * starts `siar serve`, signs in, and times each page (median of 3, after one warm-up).
 *
 *   BENCH_DASHBOARD_REPORTS=10000000   reports seeded
 *   BENCH_DASHBOARD_DAYS=30            over this many days (what sets the rows per day)
 *   BENCH_DATABASE_URL=postgres://…    time an existing, already seeded database instead
 */
const REPORTS = Number(process.env.BENCH_DASHBOARD_REPORTS ?? 10_000_000);
const DAYS = Number(process.env.BENCH_DASHBOARD_DAYS ?? 30);
const TARGET_MS = 1000;
const machine = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`;

const existing = process.env.BENCH_DATABASE_URL;
// One throwaway server, no replica: seeding is what takes the time here.
const cluster = existing ? null : await startCluster(findPostgresBin()!);
let server: Awaited<ReturnType<typeof spawnServer>> | undefined;
try {
  const url = existing ?? cluster!.url;
  const database = { kind: 'postgres', url } as const;
  const kantor = await openKantor({ host: '127.0.0.1', port: 0, database });
  const user = `bench-${Date.now()}`;
  await kantor.users.add(user, 'admin', 'bench-password-123', 'bench');
  if (!existing) {
    const started = Date.now();
    console.log(`seeding ${REPORTS.toLocaleString('en-US')} reports over ${DAYS} days on PostgreSQL (${machine()})…`);
    const seeded = await seedLoad(kantor.siar, { reports: REPORTS, days: DAYS, people: Math.min(4_300_000, Math.round(REPORTS / 30)), units: 200, seed: 15, progress: (n) => {
      if (n % 1_000_000 < REPORTS / DAYS) process.stdout.write(`  … ${n.toLocaleString('en-US')} after ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    } });
    console.log(`  seeded ${seeded.toLocaleString('en-US')} in ${((Date.now() - started) / 1000).toFixed(0)} s (${machine()})`);
  }
  const { rows } = await sql<{ reports: string; days: string; busiest: string; busiest_day: string; size: string }>`SELECT count(*) AS reports,
      count(DISTINCT day) AS days, max(n) AS busiest, (SELECT day FROM report_rollups GROUP BY day ORDER BY sum(shares) DESC LIMIT 1) AS busiest_day,
      pg_size_pretty((SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid WHERE i.inhparent = 'reports'::regclass)) AS size
    FROM (SELECT substr(shared_at, 1, 10) AS day, count(*) OVER (PARTITION BY substr(shared_at, 1, 10)) AS n FROM reports) AS d`.execute(kantor.siar.db);
  const stats = rows[0]!;
  console.log(`  ${Number(stats.reports).toLocaleString('en-US')} reports over ${stats.days} day(s), ${Number(stats.busiest).toLocaleString('en-US')} on the busiest; reports with their indexes: ${stats.size}`);
  await kantor.siar.close();

  server = await spawnServer(['server/cli.ts', 'serve', '--port', '0', '--database-url', url]);
  const origin = server.origin;
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const form = await fetch(`${origin}/login`);
  keep(form);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const signedIn = await fetch(`${origin}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ _csrf: csrf, name: user, password: 'bench-password-123', next: '/dashboard' }),
  });
  keep(signedIn);
  if (signedIn.status !== 303) throw new Error(`sign-in answered ${signedIn.status}`);

  const time = async (path: string) => {
    const once = async () => {
      const t = process.hrtime.bigint();
      const response = await fetch(`${origin}${path}`, { headers: { cookie: cookie() }, redirect: 'manual' });
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      return { ms: Number(process.hrtime.bigint() - t) / 1e6, bytes: body.byteLength };
    };
    await once();
    const runs = [await once(), await once(), await once()].sort((x, y) => x.ms - y.ms);
    return runs[1]!;
  };
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const day = (back: number) => new Date(Date.parse(today) - back * 86_400_000).toISOString().slice(0, 10);
  const pages = [
    '/dashboard',
    `/dashboard?date=${stats.busiest_day}`,
    `/dashboard?date=${day(1)}`,
    `/dashboard?from=${day(13)}&to=${day(7)}`,
    `/dashboard?from=${day(DAYS - 1)}&to=${today}`,
    '/',
    '/people',
  ];
  let worst = 0;
  console.log(`pages (median of 3, ${machine()}):`);
  for (const path of pages) {
    const { ms, bytes } = await time(path);
    worst = Math.max(worst, ms);
    console.log(`  ${path.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms  ${(bytes / 1024).toFixed(0)} KiB`);
  }
  const csv = await time(`/dashboard.csv?date=${stats.busiest_day}`);
  console.log(`  /dashboard.csv?date=${stats.busiest_day} (a download of every share of the day, streamed, not a page): ${csv.ms.toFixed(0)} ms, ${(csv.bytes / 1048576).toFixed(1)} MiB`);
  console.log(`  target, every page ≤ ${TARGET_MS} ms (issue 15: with 10,000,000 reports): worst ${worst.toFixed(0)} ms with ${Number(stats.reports).toLocaleString('en-US')} reports, ${Number(stats.busiest).toLocaleString('en-US')} on the busiest day: ${worst <= TARGET_MS ? 'OK' : 'BELOW TARGET'}`);
} finally {
  if (server) await stopProcess(server.child);
  cluster?.stop();
}
