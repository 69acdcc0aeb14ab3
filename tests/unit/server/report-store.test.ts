import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncomingReport } from '../../../server/report-schema';
import { ReportStore } from '../../../server/report-store';
import { makeReport } from './report-fixture';

describe('ReportStore group commit', () => {
  let dir: string;
  let store: ReportStore;
  const onDisk = () => {
    const db = new Database(join(dir, 'siar.sqlite'), { readonly: true });
    try {
      return (db.prepare('SELECT id FROM reports').all() as { id: string }[]).map((row) => row.id);
    } finally {
      db.close();
    }
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'siar-store-'));
    store = new ReportStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is durable before it answers: FULL sync in WAL', () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('commits requests that arrive together in one transaction, each answered after the commit', async () => {
    const batches = Array.from({ length: 20 }, () => [makeReport() as IncomingReport]);
    const seenAtAnswer: number[] = [];
    const answers = await Promise.all(
      batches.map((batch) => store.storeBatchDurably(batch, new Date()).then((outcome) => (seenAtAnswer.push(onDisk().length), outcome))),
    );
    expect(answers.every((outcome) => outcome[0] === 'accepted')).toBe(true);
    // Every answer came after all 20 were on disk (read by another connection): one group, one commit.
    expect(seenAtAnswer).toEqual(Array(20).fill(20));
  });

  it('tells duplicates inside one group, and never stores an id twice', async () => {
    const report = makeReport() as IncomingReport;
    const [first, second] = await Promise.all([store.storeBatchDurably([report], new Date()), store.storeBatchDurably([report], new Date())]);
    expect([first[0], second[0]]).toEqual(['accepted', 'duplicate']);
    expect(onDisk()).toEqual([report.id]);
  });

  it('a request that cannot be written fails alone; the rest of its group is stored', async () => {
    const good = makeReport() as IncomingReport;
    const bad = { ...makeReport(), feed_url: null } as unknown as IncomingReport;
    const results = await Promise.allSettled([store.storeBatchDurably([good], new Date()), store.storeBatchDurably([bad], new Date())]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: ['accepted'] });
    expect(results[1]?.status).toBe('rejected');
    expect(onDisk()).toEqual([good.id]);
  });
});
