import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openKantor } from '../../../server/app';
import type { Kantor } from '../../../server/context';
import { spawnServer, stopProcess } from '../../bench/support/load-target';
import { ApiClient } from './api-client';
import { freshDatabase, type TestDatabase } from './databases';
import type { TestKantor } from './test-server';

// Processes started with tsx on a shared machine: seconds, not milliseconds.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

/**
 * `siar serve --workers 2`: two processes on one port. A post withdrawn through one
 * worker must not be answered 304 by the other, whose built version would otherwise
 * live on for its memo; the memo is made 10 minutes long here, so only the workers'
 * notice (server/workers.ts) can make the second worker see the change.
 */

/** A conditional GET on a new connection each time: the cluster deals connections to the workers in turn. */
function conditionalGet(origin: string, etag: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}/feed.json`, { agent: false, headers: { 'If-None-Match': etag, Connection: 'close' } }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('siar serve --workers 2 (SQLite)', () => {
  let database: TestDatabase;
  let kantor: Kantor;
  let server: Awaited<ReturnType<typeof spawnServer>>;

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    kantor = await openKantor({ host: '127.0.0.1', port: 0, database: database.target, seedDemoPosts: true });
    const dataDir = database.target.kind === 'sqlite' ? database.target.dataDir : '';
    server = await spawnServer(['server/cli.ts', 'serve', '--port', '0', '--data', dataDir, '--workers', '2'], { SIAR_FEED_MEMO_MS: '600000' }, 170_000);
  });
  afterAll(async () => {
    if (server) await stopProcess(server.child);
    await kantor?.siar.close();
    await database?.drop();
  });

  it('answers 304 from both workers, and none once a post is approved through either', async () => {
    const proxy = { origin: server.origin, kantor } as unknown as TestKantor;
    const editor = await ApiClient.signIn(proxy, 'humas', 'editor');
    const approver = await ApiClient.signIn(proxy, 'kabid', 'approver');
    const post = { title: 'Vaksinasi gratis di puskesmas', summary: 'Ringkasan', link: 'https://babel.antaranews.com/berita/2', captions: { default: 'Ayo vaksin!' }, hashtags: [], platforms: ['x'] };
    const created = await editor.json('POST', '/api/v1/posts', post);
    expect(created.status).toBe(201);
    const sent = await editor.json('POST', `/api/v1/posts/${created.body.id}/submit`, { version: created.body.version });
    expect(sent.status).toBe(200);

    const first = await fetch(`${server.origin}/feed.json`);
    const etag = first.headers.get('etag')!;
    expect(((await first.json()) as { items: { id: string }[] }).items.map((item) => item.id)).not.toContain(created.body.id);
    // Both workers build and keep this version (new connections alternate between them).
    const warm = await Promise.all(Array.from({ length: 8 }, () => conditionalGet(server.origin, etag)));
    expect(warm.map((answer) => answer.status)).toEqual(Array(8).fill(304));

    // The approval reaches one worker (the client's kept-alive connection); the other hears of it.
    const approved = await approver.json('POST', `/api/v1/posts/${created.body.id}/approve`, { version: sent.body.version });
    expect(approved.status).toBe(200);
    const after = await Promise.all(Array.from({ length: 8 }, () => conditionalGet(server.origin, etag)));
    expect(after.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    const now = await fetch(`${server.origin}/feed.json`);
    expect(now.headers.get('etag')).not.toBe(etag);
    expect(((await now.json()) as { items: { id: string }[] }).items.map((item) => item.id)).toContain(created.body.id);
  });
});
