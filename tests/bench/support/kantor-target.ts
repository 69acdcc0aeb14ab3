import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openKantor } from '../../../server/app';
import type { DatabaseTarget } from '../../../server/db/connect';
import { seededRandom, unitName, unitWeights, weightedPicker } from '../../../server/scale/load-model';
import { startCluster } from '../../cluster/support/cluster';
import { cpuSeconds, postmasterPid } from './cpu-time';
import { spawnServer, sqliteReportIds, stopProcess, type LoadPerson, type LoadTarget } from './load-target';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 2000);
const UNITS = 60;
/** `siar serve --workers N` (BENCH_WORKERS, default 1). */
const WORKERS = ['--workers', process.env.BENCH_WORKERS ?? '1'];

/**
 * Enrolls `count` people the way an office does (CSV import, then each code spent for
 * a personal token) and returns their tokens; units are skewed (load-model.ts).
 */
export async function enrollPeople(database: DatabaseTarget, count: number): Promise<LoadPerson[]> {
  const kantor = await openKantor({ host: '127.0.0.1', port: 0, database });
  try {
    const random = seededRandom(15);
    const pickUnit = weightedPicker(unitWeights(UNITS));
    const rows = Array.from({ length: count }, (_, n) => `1987${String(n).padStart(14, '0')},ASN ${n},${unitName(pickUnit(random))}`);
    const codes = await kantor.people.importCsv(`nip,name,unit\n${rows.join('\n')}\n`, 'bench');
    const people: LoadPerson[] = [];
    for (const issued of codes) {
      const result = await kantor.people.enroll(issued.code);
      if (!result.ok) throw new Error(`enrollment failed: ${result.reason}`);
      people.push({ token: result.token, reporter: { id: result.person.nip, name: result.person.name, unit: result.person.unit } });
    }
    return people;
  } finally {
    await kantor.siar.close();
  }
}

/** `siar serve` on SQLite (`--data DIR`), with enrolled people. */
export async function startSqliteTarget(): Promise<LoadTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'siar-load-'));
  const people = await enrollPeople({ kind: 'sqlite', dataDir }, PEOPLE);
  const { child, origin } = await spawnServer(['server/cli.ts', 'serve', '--port', '0', '--data', dataDir, ...WORKERS], {}, 180_000);
  return {
    label: `siar serve, SQLite, ${WORKERS[1]} worker process(es)`,
    origin,
    reportPath: '/api/v1/shares',
    feedPath: '/feed.json',
    people,
    cpu: () => ({ server: cpuSeconds(child.pid!), database: null }),
    storedReportIds: async () => sqliteReportIds(join(dataDir, 'siar.sqlite')),
    stop: async () => {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every report id in a PostgreSQL database with the number of rows that carry it. */
export async function postgresReportIds(url: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; n: string }>('SELECT id, count(*) AS n FROM reports GROUP BY id');
    return new Map(rows.map((row) => [row.id, Number(row.n)]));
  } finally {
    await client.end();
  }
}

/** `siar serve` on a throwaway PostgreSQL primary (tests/cluster/support/cluster.ts), synchronous_commit on. */
export async function startPostgresTarget(): Promise<LoadTarget> {
  const cluster = await startCluster({ settings: { shared_buffers: "'256MB'", max_wal_size: "'2GB'" } });
  try {
    const url = cluster.primary.url;
    const people = await enrollPeople({ kind: 'postgres', url }, PEOPLE);
    const { child, origin } = await spawnServer(['server/cli.ts', 'serve', '--port', '0', '--database-url', url, ...WORKERS], {}, 180_000);
    return {
      label: `siar serve, PostgreSQL 15, ${WORKERS[1]} worker process(es)`,
      origin,
      reportPath: '/api/v1/shares',
      feedPath: '/feed.json',
      people,
      cpu: () => ({ server: cpuSeconds(child.pid!), database: cpuSeconds(postmasterPid(join(cluster.dir, 'primary'))) }),
      storedReportIds: () => postgresReportIds(url),
      stop: async () => {
        await stopProcess(child);
        await cluster.stop();
      },
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
