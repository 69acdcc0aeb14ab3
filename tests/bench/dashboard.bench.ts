import { cpus, loadavg } from 'node:os';
import { openKantor } from '../../server/app';
import { seedLoad } from '../../server/scale/seed-load';
import { startCluster } from '../cluster/support/cluster';
import { spawnServer, stopProcess } from './support/load-target';

/**
 * `npm run bench -- dashboard`: the dashboard's pages on PostgreSQL over many reports
 * (issue 15 target: every page ≤ 1 s with 10,000,000 reports). Seeds with seed-load,
 * starts `siar serve`, signs in, and times each page (median of 3, after one warm-up).
 *
 *   BENCH_DASHBOARD_REPORTS=10000000   reports seeded
 *   BENCH_DASHBOARD_DAYS=30            over this many days (what sets the rows per day)
 */
const REPORTS = Number(process.env.BENCH_DASHBOARD_REPORTS ?? 10_000_000);
const DAYS = Number(process.env.BENCH_DASHBOARD_DAYS ?? 30);
const TARGET_MS = 1000;
const machine = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`;

const cluster = await startCluster({ settings: { shared_buffers: "'512MB'", max_wal_size: "'4GB'", work_mem: "'32MB'" } });
let server: Awaited<ReturnType<typeof spawnServer>> | undefined;
try {
  const database = { kind: 'postgres', url: cluster.primary.url } as const;
  const kantor = await openKantor({ host: '127.0.0.1', port: 0, database });
  const started = Date.now();
  console.log(`seeding ${REPORTS.toLocaleString('en-US')} reports over ${DAYS} days on PostgreSQL (${machine()})…`);
  const seeded = await seedLoad(kantor.siar, { reports: REPORTS, days: DAYS, people: Math.min(4_300_000, Math.round(REPORTS / 30)), units: 200, seed: 15 });
  console.log(`  seeded ${seeded.toLocaleString('en-US')} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await kantor.users.add('bench', 'admin', 'bench-password-123', 'bench');
  await kantor.siar.close();
  const size = await cluster.sql('primary', "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid WHERE i.inhparent = 'reports'::regclass");
  console.log(`  reports with their indexes: ${size.trim()}`);

  server = await spawnServer(['server/cli.ts', 'serve', '--port', '0', '--database-url', cluster.primary.url]);
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
    body: new URLSearchParams({ _csrf: csrf, name: 'bench', password: 'bench-password-123', next: '/dashboard' }),
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
  const pages = ['/dashboard', `/dashboard?date=${day(1)}`, `/dashboard?date=${day(2)}`, `/dashboard?date=${day(Math.floor(DAYS / 2))}`, '/', '/people'];
  let worst = 0;
  console.log(`pages (median of 3, ${machine()}):`);
  for (const path of pages) {
    const { ms, bytes } = await time(path);
    worst = Math.max(worst, ms);
    console.log(`  ${path.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms  ${(bytes / 1024).toFixed(0)} KiB`);
  }
  const csv = await time(`/dashboard.csv?date=${day(1)}`);
  console.log(`  /dashboard.csv?date=${day(1)} (a download of every share of the day, not a page): ${csv.ms.toFixed(0)} ms, ${(csv.bytes / 1048576).toFixed(1)} MiB`);
  console.log(`  target, every page ≤ ${TARGET_MS} ms with ${seeded.toLocaleString('en-US')} reports (${Math.round(seeded / DAYS).toLocaleString('en-US')} a day): worst ${worst.toFixed(0)} ms: ${worst <= TARGET_MS ? 'OK' : 'BELOW TARGET'}`);
} finally {
  if (server) await stopProcess(server.child);
  await cluster.stop();
}
