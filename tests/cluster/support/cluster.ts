import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findPostgresBin, freePort } from '../../support/postgres-cluster';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL cluster for tests and benches: a primary, one streaming
 * replica made with `pg_basebackup -R`, and pgbouncer in transaction pooling in
 * front of both. Everything lives in one temp dir on free ports with its sockets
 * in that dir; no system service is touched, and stop() removes it all.
 *
 * initdb refuses to run as root, so as root every server runs as the `postgres`
 * user (the temp dir is handed to it); as anyone else, as that user.
 */
export interface Cluster {
  dir: string;
  database: string;
  primary: { port: number; url: string };
  replica: { port: number; url: string };
  /** pgbouncer: `database` goes to the primary, `${database}_replica` to the replica. */
  pooler: { port: number; url: string; replicaUrl: string };
  /** Runs SQL with psql (tuples only, `|`-separated); `database` defaults to the cluster's. */
  sql(target: 'primary' | 'replica' | 'pooler', query: string, database?: string): Promise<string>;
  /** Waits until the replica has replayed everything the primary wrote so far. */
  waitForReplay(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function postgresBin(): string {
  const bin = process.env.PG_BIN ?? findPostgresBin();
  if (!bin) throw new Error('PostgreSQL binaries not found: install postgresql (Debian) or set PG_BIN.');
  return bin;
}

export function pgbouncerBin(): string {
  const bin = process.env.PGBOUNCER_BIN ?? '/usr/sbin/pgbouncer';
  if (!existsSync(bin)) throw new Error(`pgbouncer not found at ${bin}: install pgbouncer (Debian) or set PGBOUNCER_BIN.`);
  return bin;
}

interface Owner {
  uid: number;
  gid: number;
}

async function serverOwner(): Promise<Owner | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid), gid: Number(gid) };
}

/** Runs a PostgreSQL tool as the cluster's owner (`runuser -u postgres --` as root). */
async function asOwner(owner: Owner | undefined, command: string, args: string[]): Promise<string> {
  const [file, argv] = owner ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  try {
    const { stdout } = await run(file, argv, { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${e.stderr?.trim() || e.message}`);
  }
}

export interface ClusterOptions {
  database?: string;
  /** Extra postgresql.conf lines for the primary (the replica copies them). */
  settings?: Record<string, string | number>;
  /** pgbouncer's server connections per database (default 20). */
  poolSize?: number;
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const bin = postgresBin();
  const pgbouncer = pgbouncerBin();
  const owner = await serverOwner();
  const database = options.database ?? 'siar';
  const dir = mkdtempSync(join(tmpdir(), 'siar-cluster-'));
  chmodSync(dir, 0o700);
  if (owner) chownSync(dir, owner.uid, owner.gid);

  const primaryDir = join(dir, 'primary');
  const replicaDir = join(dir, 'replica');
  const [primaryPort, replicaPort, poolerPort] = [await freePort(), await freePort(), await freePort()];
  const pgctl = join(bin, 'pg_ctl');
  const started: string[] = [];
  let bouncer: ChildProcess | undefined;

  const stop = async () => {
    process.off('exit', stopSync);
    if (bouncer && bouncer.exitCode === null) {
      const exited = new Promise((resolve) => bouncer!.once('exit', resolve));
      bouncer.kill('SIGTERM');
      await exited;
    }
    for (const dataDir of started.reverse()) {
      await asOwner(owner, pgctl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    }
    started.length = 0;
    rmSync(dir, { recursive: true, force: true });
  };
  // A test that crashes must not leave servers running: stop them on exit too.
  const stopSync = () => {
    bouncer?.kill('SIGKILL');
    for (const dataDir of started) {
      try {
        const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
        if (pid) process.kill(pid, 'SIGQUIT');
      } catch {
        /* already gone */
      }
    }
  };
  process.on('exit', stopSync);

  try {
    await asOwner(owner, join(bin, 'initdb'), ['-D', primaryDir, '--auth=trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
    const settings: Record<string, string | number> = {
      listen_addresses: "'127.0.0.1'",
      wal_level: 'replica',
      max_wal_senders: 10,
      hot_standby: 'on',
      max_connections: 200,
      ...options.settings,
    };
    const conf = Object.entries(settings).map(([key, value]) => `${key} = ${value}`).join('\n');
    await asOwner(owner, 'sh', ['-c', `printf '%s\\n' "$1" >> "$2"`, 'sh', conf, join(primaryDir, 'postgresql.conf')]);

    const startServer = async (dataDir: string, port: number) => {
      await asOwner(owner, pgctl, ['-D', dataDir, '-l', join(dir, `${port}.log`), '-o', `-p ${port} -k ${dir}`, '-w', '-t', '60', 'start']);
      started.push(dataDir);
    };
    await startServer(primaryDir, primaryPort);
    await asOwner(owner, join(bin, 'createdb'), ['-h', dir, '-p', String(primaryPort), '-U', 'postgres', database]);

    await asOwner(owner, join(bin, 'pg_basebackup'), ['-h', dir, '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
    await startServer(replicaDir, replicaPort);

    const ini = join(dir, 'pgbouncer.ini');
    const users = join(dir, 'userlist.txt');
    writeFileSync(users, '"postgres" ""\n');
    writeFileSync(
      ini,
      [
        '[databases]',
        `${database} = host=127.0.0.1 port=${primaryPort} dbname=${database}`,
        `${database}_replica = host=127.0.0.1 port=${replicaPort} dbname=${database}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${poolerPort}`,
        `unix_socket_dir = ${dir}`,
        'auth_type = trust',
        'admin_users = postgres',
        `auth_file = ${users}`,
        'pool_mode = transaction',
        'max_client_conn = 5000',
        `default_pool_size = ${options.poolSize ?? 20}`,
        'ignore_startup_parameters = extra_float_digits,options,application_name',
        `logfile = ${join(dir, 'pgbouncer.log')}`,
        '',
      ].join('\n'),
    );
    if (owner) for (const file of [ini, users]) chownSync(file, owner.uid, owner.gid);
    bouncer = spawn(pgbouncer, [ini], { stdio: 'ignore', ...(owner ?? {}) });
    await waitFor(async () => (await psql(dir, poolerPort, database, 'SELECT 1')).trim() === '1', 15_000, 'pgbouncer did not start');
  } catch (error) {
    await stop();
    throw error;
  }

  const url = (port: number, db = database) => `postgres://postgres@127.0.0.1:${port}/${db}`;
  const ports = { primary: primaryPort, replica: replicaPort, pooler: poolerPort };
  const cluster: Cluster = {
    dir,
    database,
    primary: { port: primaryPort, url: url(primaryPort) },
    replica: { port: replicaPort, url: url(replicaPort) },
    pooler: { port: poolerPort, url: url(poolerPort), replicaUrl: url(poolerPort, `${database}_replica`) },
    sql: (target, query, db = database) => psql(dir, ports[target], db, query),
    async waitForReplay(timeoutMs = 30_000) {
      const lsn = (await cluster.sql('primary', 'SELECT pg_current_wal_lsn()')).trim();
      await waitFor(
        async () => (await cluster.sql('replica', `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn`)).trim() === 't',
        timeoutMs,
        `the replica did not replay up to ${lsn}`,
      );
    },
    stop,
  };
  return cluster;
}

/** psql as the client (trust authentication: no need to switch user). */
async function psql(dir: string, port: number, database: string, query: string): Promise<string> {
  const { stdout } = await run(join(postgresBin(), 'psql'), ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', database, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', query], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, message: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    // eslint-disable-next-line no-restricted-syntax -- a retry delay while a process starts: there is no event to wait on
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${message}${last instanceof Error ? `: ${last.message}` : ''}`);
}
