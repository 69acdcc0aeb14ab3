import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Who a report is from, and the bearer token that proves it (none: the server asks none). */
export interface LoadPerson {
  token: string | null;
  reporter: { id: string; name: string; unit: string };
}

/** A server under load, with a way to read what it stored. */
export interface LoadTarget {
  label: string;
  origin: string;
  reportPath: string;
  feedPath: string;
  people: readonly LoadPerson[];
  /** CPU seconds used so far by the server process, and by the database server where it has one. */
  cpu(): { server: number; database: number | null };
  /** Every stored report id with the number of rows that carry it. */
  storedReportIds(): Promise<Map<string, number>>;
  stop(): Promise<void>;
}

/** Starts a server process and waits for the line that names its origin. */
export async function spawnServer(args: string[], env: NodeJS.ProcessEnv = {}, startMs = 60_000): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /(https?:\/\/[\w.[\]:-]+:\d+)/.exec(line);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}) before listening`)));
    setTimeout(() => reject(new Error(`${args.join(' ')} did not start`)), startMs).unref();
  });
  return { child, origin };
}

export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill(signal);
  });
}

/** Reads report ids from a SQLite file (read-only), once its server has stopped or while it runs (WAL). */
export function sqliteReportIds(file: string, table = 'reports'): Map<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare(`SELECT id, count(*) AS n FROM ${table} GROUP BY id`).all() as { id: string; n: number }[];
    return new Map(rows.map((row) => [row.id, row.n]));
  } finally {
    db.close();
  }
}
