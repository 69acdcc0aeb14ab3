import { describe, expect, it, vi } from 'vitest';
import { fetchFeed } from '@/lib/feed/fetch-feed';
import { parseRetryAfter } from '@/lib/retry-after';
import type { FeedCacheEntry } from '@/lib/feed/types';
import { signStatement } from './signature-modes';

const URL_ = 'https://siar.example.go.id/feed.json';
const NOW = new Date('2026-11-26T03:00:00Z');
const body = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'F',
  items: [{ id: 'a', date_published: '2026-11-26T07:00:00+07:00' }],
});

function respond(status: number, text = '', headers: Record<string, string> = {}) {
  return new Response(status === 304 ? null : text, { status, headers });
}

async function good(): Promise<FeedCacheEntry> {
  return fetchFeed({ url: URL_ }, undefined, {
    now: NOW,
    fetch: async () => respond(200, body, { ETag: '"v1"', 'Last-Modified': 'Wed, 25 Nov 2026 10:00:00 GMT' }),
  });
}

describe('fetchFeed', () => {
  it('stores the feed and its validators', async () => {
    const entry = await good();
    expect(entry.feed?.items).toHaveLength(1);
    expect(entry).toMatchObject({ etag: '"v1"', error: null, lastSuccessAt: NOW.toISOString() });
  });

  it('keeps only items that can still be shown, and counts the rest', async () => {
    const text = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'F',
      _siar: { version: 1 },
      items: [
        { id: 'today', date_published: '2026-11-26T07:00:00+07:00', _siar: { approved: true } },
        { id: 'yesterday', date_published: '2026-11-25T07:00:00+07:00', _siar: { approved: true } },
        { id: 'tomorrow', _siar: { approved: true, valid_from: '2026-11-27T00:00:00+07:00' } },
        { id: 'expired', _siar: { approved: true, valid_until: '2026-11-26T00:00:00+07:00' } },
        { id: 'draft', date_published: '2026-11-26T07:00:00+07:00', _siar: { approved: false } },
        { id: 'undated', _siar: { approved: true } },
      ],
    });
    const entry = await fetchFeed({ url: URL_ }, undefined, { now: NOW, fetch: async () => respond(200, text) });
    expect(entry.feed?.items.map((i) => i.id)).toEqual(['today', 'tomorrow']);
    expect(entry.feed?.totalItems).toBe(6);
  });

  it('sends If-None-Match / If-Modified-Since and keeps the copy on 304', async () => {
    const previous = await good();
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => respond(304));
    const entry = await fetchFeed({ url: URL_ }, previous, { now: NOW, fetch: fetchMock as typeof fetch });
    const headers = fetchMock.mock.calls[0]![1].headers as Record<string, string>;
    expect(headers['If-None-Match']).toBe('"v1"');
    expect(headers['If-Modified-Since']).toBe('Wed, 25 Nov 2026 10:00:00 GMT');
    expect(entry.feed).toEqual(previous.feed);
    expect(entry.error).toBeNull();
  });

  it('never erases the last good copy on failure', async () => {
    const previous = await good();
    for (const failing of [
      async () => respond(500, 'oops'),
      async () => respond(200, '<html>not a feed</html>'),
      async () => {
        throw new TypeError('Failed to fetch');
      },
    ]) {
      const entry = await fetchFeed({ url: URL_ }, previous, { now: NOW, fetch: failing as typeof fetch });
      expect(entry.feed).toEqual(previous.feed);
      expect(entry.error).not.toBeNull();
      expect(entry.lastSuccessAt).toBe(previous.lastSuccessAt);
    }
  });

  it('honours Retry-After on 429 and 503', async () => {
    const entry = await fetchFeed({ url: URL_ }, undefined, { now: NOW, fetch: async () => respond(429, '', { 'Retry-After': '120' }) });
    expect(entry.error?.code).toBe('rate_limited');
    expect(entry.retryAfter).toBe(NOW.getTime() + 120_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 04:00:00 GMT', NOW.getTime())).toBe(Date.parse('2026-11-26T04:00:00Z'));
    expect(parseRetryAfter('soon', NOW.getTime())).toBeNull();
    expect(parseRetryAfter(null, NOW.getTime())).toBeNull();
  });

  it('refuses insecure feed URLs without fetching', async () => {
    const fetchMock = vi.fn();
    const entry = await fetchFeed({ url: 'http://siar.example.go.id/feed.json' }, undefined, { fetch: fetchMock });
    expect(entry.error?.code).toBe('insecure_url');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says so when a network error is a missing host permission', async () => {
    const entry = await fetchFeed({ url: URL_ }, undefined, {
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
      hasHostPermission: async () => false,
    });
    expect(entry.error?.code).toBe('permission');
  });

  it('stops reading a body as soon as it passes 5 MiB', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 50) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const entry = await fetchFeed({ url: URL_ }, undefined, { fetch: async () => new Response(stream) });
    expect(entry.error?.code).toBe('too_large');
    expect(pulled).toBeLessThanOrEqual(7);
  });

  it('rejects a declared Content-Length over the limit without reading', async () => {
    const entry = await fetchFeed({ url: URL_ }, undefined, {
      fetch: async () => respond(200, '{}', { 'Content-Length': String(6 * 1024 * 1024) }),
    });
    expect(entry.error?.code).toBe('too_large');
  });
});

describe('signatures (PROTOCOL §2.6, version 2)', () => {
  async function keyPair() {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    return { pair, publicKey: Buffer.from(raw).toString('base64') };
  }
  const iat = Math.floor(NOW.getTime() / 1000) - 60;
  const sign = (pair: CryptoKeyPair, text: string, seq = 5) =>
    signStatement(pair.privateKey, { url: URL_, body: new TextEncoder().encode(text), iat, seq });

  it('accepts a valid header statement and marks the copy verified under that key', async () => {
    const { pair, publicKey } = await keyPair();
    const entry = await fetchFeed({ url: URL_, public_key: publicKey }, undefined, {
      now: NOW,
      fetch: async () => respond(200, body, { 'Siar-Signature': await sign(pair, body) }),
    });
    expect(entry.error).toBeNull();
    expect(entry.signatureVerified).toBe(true);
    expect(entry.verifiedKey).toBe(publicKey);
    expect(entry.statement).toMatchObject({ url: URL_, seq: 5, iat });
  });

  it('falls back to the .sig file, a query string staying after it', async () => {
    const { pair, publicKey } = await keyPair();
    const url = `${URL_}?unit=kominfo`;
    const jws = await signStatement(pair.privateKey, { url, body: new TextEncoder().encode(body), iat });
    const fetchMock = vi.fn(async (requested: string) => (requested.includes('.sig') ? respond(200, `${jws}\n`) : respond(200, body)));
    const entry = await fetchFeed({ url, public_key: publicKey }, undefined, { now: NOW, fetch: fetchMock as unknown as typeof fetch });
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([url, 'https://siar.example.go.id/feed.json.sig?unit=kominfo']);
    expect(entry.signatureVerified).toBe(true);
  });

  it.each([
    ['a statement over other bytes', (pair: CryptoKeyPair) => sign(pair, `${body} `), 'signature_body_mismatch'],
    ['garbage', async () => '!!!', 'signature_invalid'],
    ['a version-1 bare signature', async (pair: CryptoKeyPair) => `ed25519=${Buffer.from(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, new TextEncoder().encode(body))).toString('base64')}`, 'signature_invalid'],
    ['no signature at all', async () => null, 'signature_missing'],
  ])('rejects %s and keeps the last good copy', async (_label, header, code) => {
    const { pair, publicKey } = await keyPair();
    const first = await fetchFeed({ url: URL_, public_key: publicKey }, undefined, {
      now: NOW,
      fetch: async () => respond(200, body, { 'Siar-Signature': await sign(pair, body, 1) }),
    });
    const value = await header(pair);
    const entry = await fetchFeed({ url: URL_, public_key: publicKey }, first, {
      now: NOW,
      fetch: (async (url: string) => (url.endsWith('.sig') ? respond(404) : respond(200, body, value ? { 'Siar-Signature': value } : {}))) as unknown as typeof fetch,
    });
    expect(entry.error?.code).toBe(code);
    expect(entry.feed).toEqual(first.feed);
  });

  it('reports a malformed public key as such', async () => {
    const entry = await fetchFeed({ url: URL_, public_key: 'c2hvcnQ=' }, undefined, {
      fetch: async () => respond(200, body, { 'Siar-Signature': 'a.b.c' }),
    });
    expect(entry.error?.code).toBe('bad_public_key');
  });

  it('drops a copy made without the key, and sends none of its validators, once a key is set', async () => {
    const unsigned = await good();
    const { pair, publicKey } = await keyPair();
    const fetchMock = vi.fn(async (url: string, _init?: RequestInit) => (url.endsWith('.sig') ? respond(404) : respond(200, body)));
    const entry = await fetchFeed({ url: URL_, public_key: publicKey }, unsigned, { now: NOW, fetch: fetchMock as unknown as typeof fetch });
    const headers = fetchMock.mock.calls[0]![1]!.headers as Record<string, string>;
    expect(headers['If-None-Match']).toBeUndefined();
    expect(headers['If-Modified-Since']).toBeUndefined();
    expect(entry.error?.code).toBe('signature_missing');
    expect(entry.feed).toBeNull();
    // Signed under the key, it comes back.
    const signed = await fetchFeed({ url: URL_, public_key: publicKey }, entry, {
      now: NOW,
      fetch: async () => respond(200, body, { 'Siar-Signature': await sign(pair, body) }),
    });
    expect(signed.feed?.items).toHaveLength(1);
  });

  it('drops a copy verified by another key when the key changes', async () => {
    const first = await keyPair();
    const second = await keyPair();
    const old = await fetchFeed({ url: URL_, public_key: first.publicKey }, undefined, {
      now: NOW,
      fetch: async () => respond(200, body, { 'Siar-Signature': await sign(first.pair, body), ETag: '"a"' }),
    });
    expect(old.feed).not.toBeNull();
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => respond(304, '', { 'Siar-Signature': await sign(first.pair, body) }));
    const entry = await fetchFeed({ url: URL_, public_key: second.publicKey }, old, { now: NOW, fetch: fetchMock as unknown as typeof fetch });
    expect((fetchMock.mock.calls[0]![1]!.headers as Record<string, string>)['If-None-Match']).toBeUndefined();
    expect(entry.feed).toBeNull();
  });

  it('on 304 takes the fresh statement of the same body, and refuses one for another body', async () => {
    const { pair, publicKey } = await keyPair();
    const first = await fetchFeed({ url: URL_, public_key: publicKey }, undefined, {
      now: NOW,
      fetch: async () => respond(200, body, { 'Siar-Signature': await sign(pair, body, 3), ETag: '"a"' }),
    });
    const later = new Date(NOW.getTime() + 30 * 3600_000);
    const resigned = await signStatement(pair.privateKey, { url: URL_, body: new TextEncoder().encode(body), iat: iat + 30 * 3600, seq: 3 });
    const renewed = await fetchFeed({ url: URL_, public_key: publicKey }, first, { now: later, fetch: async () => respond(304, '', { 'Siar-Signature': resigned }) });
    expect(renewed.error).toBeNull();
    expect(renewed.statement?.exp).toBeGreaterThan(first.statement!.exp);
    const forOther = await signStatement(pair.privateKey, { url: URL_, body: new TextEncoder().encode('{}'), iat: iat + 30 * 3600, seq: 4 });
    const refused = await fetchFeed({ url: URL_, public_key: publicKey }, first, { now: later, fetch: async () => respond(304, '', { 'Siar-Signature': forOther }) });
    expect(refused.error?.code).toBe('signature_body_mismatch');
    expect(refused.statement).toEqual(first.statement);
  });

  it('on a 304 without a statement asks for the .sig only once the cached statement is past half its life', async () => {
    const { pair, publicKey } = await keyPair();
    const first = await fetchFeed({ url: URL_, public_key: publicKey }, undefined, {
      now: NOW,
      fetch: async () => respond(200, body, { 'Siar-Signature': await signStatement(pair.privateKey, { url: URL_, body: new TextEncoder().encode(body), iat, exp: iat + 48 * 3600, seq: 3 }), ETag: '"a"' }),
    });
    const young = vi.fn(async (_url: string) => respond(304));
    const kept = await fetchFeed({ url: URL_, public_key: publicKey }, first, { now: new Date(NOW.getTime() + 3600_000), fetch: young as unknown as typeof fetch });
    expect(young.mock.calls.map(([url]) => url)).toEqual([URL_]);
    expect(kept.statement).toEqual(first.statement);
    expect(kept.error).toBeNull();

    const later = new Date(NOW.getTime() + 30 * 3600_000);
    const resigned = await signStatement(pair.privateKey, { url: URL_, body: new TextEncoder().encode(body), iat: iat + 30 * 3600, exp: iat + 78 * 3600, seq: 3 });
    const old = vi.fn(async (url: string) => (url.endsWith('.sig') ? respond(200, resigned) : respond(304)));
    const renewed = await fetchFeed({ url: URL_, public_key: publicKey }, first, { now: later, fetch: old as unknown as typeof fetch });
    expect(old.mock.calls.map(([url]) => url)).toEqual([URL_, `${URL_}.sig`]);
    expect(renewed.statement?.exp).toBeGreaterThan(first.statement!.exp);
  });

  it('accepts the same seq again only with the same body, and a higher seq always', async () => {
    const { pair, publicKey } = await keyPair();
    const sub = { url: URL_, public_key: publicKey };
    const at = (text: string, seq: number) => async () => respond(200, text, { 'Siar-Signature': await sign(pair, text, seq) });
    const first = await fetchFeed(sub, undefined, { now: NOW, fetch: at(body, 10) });
    expect((await fetchFeed(sub, first, { now: NOW, fetch: at(body, 10) })).error).toBeNull();
    const other = body.replace('"F"', '"G"');
    expect((await fetchFeed(sub, first, { now: NOW, fetch: at(other, 10) })).error?.code).toBe('signature_replay');
    expect((await fetchFeed(sub, first, { now: NOW, fetch: at(other, 9) })).error?.code).toBe('signature_replay');
    expect((await fetchFeed(sub, first, { now: NOW, fetch: at(other, 11) })).feed?.title).toBe('G');
  });
});
