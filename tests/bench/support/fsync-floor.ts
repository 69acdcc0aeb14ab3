import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The disk's floor for one client (issue 10): a durable report needs at least one
 * flushed write (SQLite's WAL commit, PostgreSQL's WAL flush), so at concurrency 1 no
 * server answers more reports a second than this disk completes an 8 kB write +
 * fdatasync a second, in the directory where the databases live.
 */
export function fsyncFloor(seconds = 2, dir = tmpdir()): { perSecond: number; medianMs: number } {
  const where = mkdtempSync(join(dir, 'siar-fsync-'));
  const fd = openSync(join(where, 'wal'), 'w');
  const page = Buffer.alloc(8192, 1);
  const times: number[] = [];
  try {
    const until = performance.now() + seconds * 1000;
    for (let i = 0; performance.now() < until; i++) {
      const started = performance.now();
      writeSync(fd, page, 0, page.length, (i % 64) * page.length);
      fdatasyncSync(fd);
      times.push(performance.now() - started);
    }
  } finally {
    closeSync(fd);
    rmSync(where, { recursive: true, force: true });
  }
  const medianMs = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  return { perSecond: times.length / seconds, medianMs };
}
