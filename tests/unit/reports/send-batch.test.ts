import { describe, expect, it } from 'vitest';
import { REPORT_TIMEOUT_MS, sendBatch } from '@/lib/reports/send-batch';
import { makeRecord } from './share-factory';

const NOW = 1_000_000_000_000;
const reports = [makeRecord('a').report];
const answering = (response: () => Response) => (async () => response()) as typeof fetch;

describe('sendBatch (docs/protocol.md §3.4–3.5)', () => {
  it('reads accepted, duplicate and rejected', async () => {
    const outcome = await sendBatch('https://r.go.id/r', reports, '', answering(() =>
      Response.json({ accepted: ['a'], duplicate: ['b', 3], rejected: [{ id: 'c', reason: 'no' }, { id: 'd' }, 'junk'] }),
    ));
    expect(outcome).toEqual({ kind: 'answered', accepted: ['a'], duplicate: ['b'], rejected: [{ id: 'c', reason: 'no' }, { id: 'd', reason: '' }] });
  });

  it.each([
    [401, { kind: 'auth', status: 401 }],
    [403, { kind: 'auth', status: 403 }],
    [400, { kind: 'bad_request', error: 'HTTP 400: body' }],
    [413, { kind: 'bad_request', error: 'HTTP 413: body' }],
    [500, { kind: 'retry', code: 'server', error: 'HTTP 500', retryAfter: null }],
    [502, { kind: 'retry', code: 'server', error: 'HTTP 502', retryAfter: null }],
    [503, { kind: 'retry', code: 'busy', error: 'HTTP 503', retryAfter: null }],
    [429, { kind: 'retry', code: 'busy', error: 'HTTP 429', retryAfter: null }],
    [408, { kind: 'retry', code: 'timeout', error: 'HTTP 408', retryAfter: null }],
    // A wrong URL or a proxy's error page must never fail reports for good.
    [404, { kind: 'retry', code: 'unexpected', error: 'HTTP 404: body', retryAfter: null }],
    [302, { kind: 'retry', code: 'unexpected', error: 'HTTP 302: body', retryAfter: null }],
  ])('answers HTTP %i as %o', async (status, expected) => {
    expect(await sendBatch('https://r.go.id/r', reports, '', answering(() => new Response('body', { status })), () => NOW)).toEqual(expected);
  });

  it('honours Retry-After in seconds and as a date', async () => {
    const seconds = await sendBatch('https://r.go.id/r', reports, '', answering(() => new Response('', { status: 429, headers: { 'Retry-After': '120' } })), () => NOW);
    expect(seconds).toMatchObject({ retryAfter: NOW + 120_000 });
    const date = new Date(NOW + 3_600_000).toUTCString();
    const dated = await sendBatch('https://r.go.id/r', reports, '', answering(() => new Response('', { status: 503, headers: { 'Retry-After': date } })), () => NOW);
    expect(dated).toMatchObject({ retryAfter: NOW + 3_600_000 });
  });

  it('retries a 200 that is not a JSON object', async () => {
    for (const body of ['<html>login</html>', '[]', 'null']) {
      expect(await sendBatch('https://r.go.id/r', reports, '', answering(() => new Response(body)))).toMatchObject({ kind: 'retry', code: 'bad_answer' });
    }
  });

  it('tells a timeout from a network error, and gives up after 10 s', async () => {
    let signal: AbortSignal | undefined;
    const hang = ((_: string, init: RequestInit) => {
      signal = init.signal ?? undefined;
      return Promise.reject(new DOMException('signal timed out', 'TimeoutError'));
    }) as typeof fetch;
    expect(await sendBatch('https://r.go.id/r', reports, '', hang)).toMatchObject({ kind: 'retry', code: 'timeout' });
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(REPORT_TIMEOUT_MS).toBe(10_000);
    const refused = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await sendBatch('https://r.go.id/r', reports, '', refused)).toMatchObject({ kind: 'retry', code: 'network' });
  });

  it('sends the docs/protocol.md §3.3 body with the bearer token, without cookies', async () => {
    let seen: RequestInit | undefined;
    const capture = (async (_: string, init: RequestInit) => {
      seen = init;
      return Response.json({ accepted: ['a'] });
    }) as typeof fetch;
    await sendBatch('https://r.go.id/r', reports, 'rahasia', capture);
    expect(JSON.parse(String(seen?.body))).toEqual({ reports });
    expect(new Headers(seen?.headers).get('authorization')).toBe('Bearer rahasia');
    expect(new Headers(seen?.headers).get('content-type')).toBe('application/json');
    expect(seen?.credentials).toBe('omit');
  });
});
