import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type RawBuilder } from 'kysely';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from './schema';

/**
 * Where the dialects differ, and nowhere else: opening, durability settings, and the
 * few SQL expressions that are spelled differently.
 */

export type DatabaseTarget = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface SiarDb {
  db: Kysely<Database>;
  kind: DatabaseTarget['kind'];
  /** SQLite: the file's own handle, for the report writer's prepared statements (used only while holding Kysely's connection). */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export class DatabaseUnavailable extends Error {}

export function sqliteFile(dataDir: string): string {
  return join(dataDir, 'siar.sqlite');
}

function openSqlite(dataDir: string): SiarDb {
  let file: SQLite.Database;
  try {
    mkdirSync(dataDir, { recursive: true });
    file = new SQLite(sqliteFile(dataDir));
  } catch (error) {
    throw new DatabaseUnavailable(`Cannot open the SQLite database in ${dataDir}: ${(error as Error).message}`);
  }
  file.pragma('journal_mode = WAL');
  // FULL: an accepted report survives a power cut, not only a crash.
  file.pragma('synchronous = FULL');
  file.pragma('busy_timeout = 5000');
  file.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
  return { db, kind: 'sqlite', sqlite: file, close: () => db.destroy() };
}

async function openPostgres(url: string): Promise<SiarDb> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.SIAR_PG_POOL ?? 10) });
  pool.on('error', (error) => console.error(`PostgreSQL: ${error.message}`));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const where = safeUrl(url);
    throw new DatabaseUnavailable(`Cannot reach the PostgreSQL database at ${where}: ${(error as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** The URL without its password, for messages. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(a URL that does not parse)';
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<SiarDb> {
  return target.kind === 'sqlite' ? openSqlite(target.dataDir) : openPostgres(target.url);
}

/** `count(…)` is a bigint in PostgreSQL, which `pg` hands over as a string. */
export function toNumber(value: string | number | bigint | null | undefined): number {
  return Number(value ?? 0);
}

/** The date part of an RFC 3339 text column, indexable in both dialects. */
export function datePart(column: string): RawBuilder<string> {
  return sql<string>`substr(${sql.ref(column)}, 1, 10)`;
}
