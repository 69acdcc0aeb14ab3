import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseFeed } from '@/lib/feed/parse-feed';
import { DEMO_EMBARGOED_IDS, DEMO_HIDDEN_IDS, DEMO_SHOWN_IDS, DEMO_TIMEZONE } from '../../../server/demo-feed';
import { calendarDate, startOfDate } from '../../../lib/time/zoned-date';
import { FeedPublisher, RESIGN_AFTER_S } from '../../../server/feed/feed-publisher';
import { generateSigningKeys, privateKeyFromText } from '../../../server/signing';
import { upsertPosts, demoPosts } from '../../../server/store/posts';
import { DATABASES } from './databases';
import { startKantor, type TestKantor } from './test-server';

// Real servers on real databases (scrypt, fsync) on a shared machine: seconds, not milliseconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/** PROTOCOL §2.6 v2 as a client checks it, with `jose` alone: none of the signing code. */
async function verifyStatement(jws: string, publicKey: string) {
  const jwk = { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey, 'base64').toString('base64url') };
  const { payload, protectedHeader } = await compactVerify(jws, await importJWK(jwk, 'EdDSA'));
  return { header: protectedHeader, statement: JSON.parse(new TextDecoder().decode(payload)) as { url: string; sha256: string; iat: number; exp: number; seq: number } };
}

/**
 * The raw bytes of one HTTP/1.1 answer, headers included, on a kept-alive connection as
 * a polling client has it (its `Connection: keep-alive` and `Keep-Alive` count too): read
 * up to the blank line, then Content-Length bytes of body (none on a 304).
 */
function rawGet(origin: string, path: string, headers: Record<string, string>): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      const lines = [`GET ${path} HTTP/1.1`, `Host: ${hostname}:${port}`, 'Accept-Encoding: gzip', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      socket.setTimeout(2000, () => socket.end());
    });
    let text = '';
    const finish = () => {
      socket.destroy();
      resolve(text);
    };
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = text.startsWith('HTTP/1.1 304') ? 0 : Number(/\r\ncontent-length: (\d+)/i.exec(text)?.[1] ?? NaN);
      if (Buffer.byteLength(text.slice(end + 4), 'latin1') >= length) finish();
    });
    socket.on('end', finish);
    socket.on('error', reject);
  });
}

describe.each(DATABASES)('the signed feed on %s', (kind) => {
  const keys = generateSigningKeys();
  let server: TestKantor;
  beforeAll(async () => {
    server = await startKantor(kind, { signingKey: privateKeyFromText(keys.privateKey), seedDemoPosts: true });
  });
  afterAll(() => server.stop());

  it('serves JSON Feed 1.1 with _siar and the demo posts, and a statement in the header that verifies with jose', async () => {
    const response = await fetch(`${server.origin}/feed.json`);
    const body = Buffer.from(await response.arrayBuffer());
    const feed = parseFeed(body.toString('utf8'), `${server.origin}/feed.json`);
    // Tomorrow's post is not published before its window opens (#13: embargo).
    const published = [...DEMO_SHOWN_IDS, ...DEMO_HIDDEN_IDS].filter((id) => !DEMO_EMBARGOED_IDS.includes(id));
    expect(feed.items.map((i) => i.id).sort()).toEqual(published.sort());
    expect(feed.reportUrl).toBe(`${server.origin}/api/v1/shares`);
    const jws = response.headers.get('siar-signature')!;
    const { header, statement } = await verifyStatement(jws, keys.publicKey);
    expect(header).toEqual({ alg: 'EdDSA', typ: 'siar-feed+jws' });
    expect(statement.url).toBe(`${server.origin}/feed.json`);
    expect(statement.sha256).toBe(createHash('sha256').update(body).digest('base64url'));
    expect(statement.exp - statement.iat).toBeLessThanOrEqual(48 * 3600);
    expect(Math.abs(statement.iat - Date.now() / 1000)).toBeLessThan(60);
    expect(await (await fetch(`${server.origin}/feed.json.sig`)).text()).toBe(jws);
    expect(decodeProtectedHeader(jws).typ).toBe('siar-feed+jws');
  });

  it('answers 304 to its ETag or Last-Modified, in at most 300 bytes with every header', async () => {
    const first = await fetch(`${server.origin}/feed.json`);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    // Twice: the first may be the route's (the version is built), the second is the fast path's.
    for (let i = 0; i < 2; i++) {
      const byTag = await rawGet(server.origin, '/feed.json', { 'If-None-Match': etag });
      expect(byTag.startsWith('HTTP/1.1 304')).toBe(true);
      expect(byTag.length).toBeLessThanOrEqual(300);
      // What caching and PROTOCOL §2.6 need: the validator, the cache rule, CORS; no statement, no body.
      expect(byTag).toMatch(new RegExp(`\r\netag: ${etag}\r\n`, 'i'));
      expect(byTag).toMatch(/\r\ncache-control: public, max-age=60[^\r]*\r\n/i);
      expect(byTag).toMatch(/\r\naccess-control-allow-origin: \*\r\n/i);
      expect(byTag).not.toMatch(/siar-signature|set-cookie|content-security-policy/i);
      expect(byTag.endsWith('\r\n\r\n')).toBe(true);
    }
    const byDate = await rawGet(server.origin, '/feed.json', { 'If-Modified-Since': lastModified });
    expect(byDate.startsWith('HTTP/1.1 304')).toBe(true);
    expect((await rawGet(server.origin, '/feed.json', { 'If-None-Match': '"0-old"' })).startsWith('HTTP/1.1 200')).toBe(true);
    expect((await rawGet(server.origin, '/feed.json', { 'If-None-Match': `W/${etag}, "other"` })).startsWith('HTTP/1.1 304')).toBe(true);
  });

  it('never answers 304 to the ETag of a feed that changed since, whichever path answers', async () => {
    const db = server.kantor.siar.db;
    const before = await fetch(`${server.origin}/feed.json`);
    const etag = before.headers.get('etag')!;
    expect((await rawGet(server.origin, '/feed.json', { 'If-None-Match': etag })).startsWith('HTTP/1.1 304')).toBe(true);
    // An approval in this process invalidates at once (posts-api and posts-pages call it).
    const post = demoPosts()[0]!;
    await upsertPosts(db, [{ ...post, title: `${post.title} (diperbarui lagi)` }]);
    server.kantor.feed.invalidate();
    const after = await rawGet(server.origin, '/feed.json', { 'If-None-Match': etag });
    expect(after.startsWith('HTTP/1.1 200')).toBe(true);
    expect(after).toContain('(diperbarui lagi)');
    await upsertPosts(db, [post]);
    server.kantor.feed.invalidate();
  });

  it('keeps the signing key to itself', async () => {
    for (const path of ['/feed.json', '/feed.json.sig', '/daftar', '/healthz']) {
      const text = await (await fetch(`${server.origin}${path}`)).text();
      expect(text).not.toContain(keys.privateKey);
    }
  });

  it('raises seq with each new body, keeps it for the same body, and re-signs after 12 hours', async () => {
    const db = server.kantor.siar.db;
    const publisher = new FeedPublisher(db, { title: 't', publisher: 'p', timezone: 'Asia/Jakarta' }, privateKeyFromText(keys.privateKey));
    const url = 'https://siar.example.go.id/feed.json';
    // The demo posts' windows turn at midnight in Jakarta (the embargoed post opens then): t0 and
    // t0 + 12 h must fall on the same Jakarta day whatever time the test runs, so t0 is 00:01 today there.
    const t0 = new Date(startOfDate(calendarDate(new Date(), DEMO_TIMEZONE), DEMO_TIMEZONE).getTime() + 60_000);
    const a = await publisher.current('https://siar.example.go.id', url, t0);
    const same = await new FeedPublisher(db, { title: 't', publisher: 'p', timezone: 'Asia/Jakarta' }, privateKeyFromText(keys.privateKey)).current(
      'https://siar.example.go.id',
      url,
      new Date(t0.getTime() + 5000),
    );
    expect(same.seq).toBe(a.seq);
    expect(same.etag).toBe(a.etag);
    // A changed post: a new body, a higher seq, a new ETag.
    const post = demoPosts()[0]!;
    await upsertPosts(db, [{ ...post, title: `${post.title} (diperbarui)` }]);
    const changed = await publisher.current('https://siar.example.go.id', url, new Date(t0.getTime() + 10_000));
    expect(changed.seq).toBe(a.seq + 1);
    expect(changed.etag).not.toBe(a.etag);
    // The same body, later than RESIGN_AFTER_S: re-signed with a new iat, exp and seq.
    const later = new Date(t0.getTime() + (RESIGN_AFTER_S + 60) * 1000);
    const resigned = await publisher.current('https://siar.example.go.id', url, later);
    const { statement } = await verifyStatement(resigned.signature!, keys.publicKey);
    expect(resigned.body.equals(changed.body)).toBe(true);
    expect(statement.seq).toBe(changed.seq + 1);
    expect(statement.iat).toBe(Math.floor(later.getTime() / 1000));
    expect(resigned.etag).not.toBe(changed.etag);
    await upsertPosts(db, [post]);
  });

  it('serves the v1 signature when asked (the extension before protocol v2)', async () => {
    const v1 = await startKantor(kind, { signingKey: privateKeyFromText(keys.privateKey), seedDemoPosts: true, signatureVersion: 'v1' });
    try {
      const response = await fetch(`${v1.origin}/feed.json`);
      expect(response.headers.get('siar-signature')).toMatch(/^ed25519=[A-Za-z0-9+/]+=*$/);
    } finally {
      await v1.stop();
    }
  });
});

describe('behind a TLS reverse proxy (--trust-proxy)', () => {
  // Without a proxy the 304 is written before Fastify (rawFeedNotModified), behind a trusted one by its first hook: both
  // must take the origin the route takes, or a feed signed for one origin would be "not modified" for the other.
  it.each([
    ['behind a trusted proxy, the forwarded origin', '127.0.0.1', 'HTTP/1.1 200'],
    ['without a trusted proxy, its own Host', undefined, 'HTTP/1.1 304'],
  ])('answers 304 for the origin its feed is signed for: %s', async (_label, trusted, plainHost) => {
    const server = await startKantor('sqlite', { seedDemoPosts: true, ...(trusted ? { trustProxy: trusted } : {}) });
    try {
      const forwarded = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'siar.example.go.id' };
      const first = await rawGet(server.origin, '/feed.json', forwarded);
      const etag = /\r\netag: ([^\r]+)/i.exec(first)![1]!;
      expect(first).toContain(trusted ? '"feed_url":"https://siar.example.go.id/feed.json"' : `"feed_url":"${server.origin}/feed.json"`);
      expect((await rawGet(server.origin, '/feed.json', { ...forwarded, 'If-None-Match': etag })).startsWith('HTTP/1.1 304')).toBe(true);
      expect((await rawGet(server.origin, '/feed.json?v=1', { ...forwarded, 'If-None-Match': etag })).startsWith('HTTP/1.1 304')).toBe(true);
      expect((await rawGet(server.origin, '/feed.json', { 'If-None-Match': etag })).slice(0, 12)).toBe(plainHost);
      expect((await rawGet(server.origin, '/feed.jsonx', { ...forwarded, 'If-None-Match': etag })).startsWith('HTTP/1.1 404')).toBe(true);
    } finally {
      await server.stop();
    }
  });

  const headers = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'siar.example.go.id', Host: '127.0.0.1:8787' };

  it.each([
    ['a trusted peer: https URLs', '127.0.0.1', 'https://siar.example.go.id'],
    ['an untrusted peer: its headers are ignored', '10.1.1.1', 'http://127.0.0.1:8787'],
  ])('%s', async (_label, trusted, origin) => {
    const server = await startKantor('sqlite', { seedDemoPosts: true, trustProxy: trusted, enrollAttemptsPerMinute: 100 });
    try {
      const feed = await server.app.inject({ method: 'GET', url: '/feed.json', headers, remoteAddress: '127.0.0.1' });
      expect(feed.json()).toMatchObject({ feed_url: `${origin}/feed.json`, _siar: { report_url: `${origin}/api/v1/shares` } });
      const [person] = await server.kantor.people.importCsv('198703122010011001,Budi,Unit\n', 'test');
      const enrolled = await server.app.inject({ method: 'POST', url: '/api/v1/enroll', headers, remoteAddress: '127.0.0.1', payload: { code: person!.code } });
      expect(enrolled.json().feeds).toEqual([{ url: `${origin}/feed.json`, report_url: `${origin}/api/v1/shares` }]);
    } finally {
      await server.stop();
    }
  });
});
