import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../../server/app';
import { countHit, pruneRateLimits } from '../../../server/store/rate-limit-store';
import { DATABASES } from './databases';
import { StaffClient } from './staff-client';
import { startKantor, type TestKantor } from './test-server';

// Real servers on real databases (scrypt, fsync) on a shared machine: seconds, not milliseconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/**
 * Limits that hold across instances (issues 10 and 15): two Siar Kantor servers on one
 * database count against one limit, for enrollment codes (@fastify/rate-limit with its
 * counters in the database) and for failed sign-ins (per account and per address).
 */
describe.each(DATABASES)('rate limits shared through the database on %s', (kind) => {
  let first: TestKantor;
  let second: RunningServer;
  beforeAll(async () => {
    first = await startKantor(kind, { enrollAttemptsPerMinute: 4 });
    second = await startServer({ host: '127.0.0.1', port: 0, database: first.database.target, enrollAttemptsPerMinute: 4 });
  });
  afterAll(async () => {
    await second.close();
    await first.stop();
  });

  it('counts concurrent hits once each, and opens a new window after the old one closed', async () => {
    const db = first.kantor.siar.db;
    const now = Date.now();
    const counts = await Promise.all(Array.from({ length: 40 }, () => countHit(db, 'test:concurrent', 60_000, now)));
    expect(counts.map((c) => c.current).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    for (const count of counts) expect(count.ttl).toBe(60_000);
    expect(await countHit(db, 'test:concurrent', 60_000, now + 59_000)).toEqual({ current: 41, ttl: 1000 });
    expect(await countHit(db, 'test:concurrent', 60_000, now + 60_000)).toEqual({ current: 1, ttl: 60_000 });
    await pruneRateLimits(db, now + 120_001);
    expect(await db.selectFrom('rate_limits').select('key').where('key', '=', 'test:concurrent').execute()).toEqual([]);
  });

  it('holds one enrollment limit for both instances: code guessing does not double with a second server', async () => {
    const guess = (origin: string, n: number) =>
      fetch(`${origin}/api/v1/enroll`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: `tebakan-${n}` }) });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await guess(i % 2 === 0 ? first.origin : second.origin, i)).status);
    expect(statuses).toEqual([410, 410, 410, 410, 429, 429]);
    const limited = await guess(second.origin, 7);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({ reason: 'rate_limited' });
  });

  it('throttles failed sign-ins per account across instances', async () => {
    await first.kantor.users.add('rina', 'editor', 'kata-sandi-panjang-rina', 'test');
    // Five failures, spread over both servers, each from a fresh session.
    for (let i = 0; i < 5; i++) {
      const client = new StaffClient(i % 2 === 0 ? first.origin : second.origin);
      await client.page('/login');
      expect((await client.post('/login', { name: 'rina', password: `salah-${i}` })).status).toBe(401);
    }
    for (const origin of [first.origin, second.origin]) {
      const client = new StaffClient(origin);
      await client.page('/login');
      expect((await client.post('/login', { name: 'rina', password: 'kata-sandi-panjang-rina' })).status).toBe(429);
    }
  });
});
