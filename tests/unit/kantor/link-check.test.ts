import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLink, isPublicAddress, linkWarning } from '../../../server/posts/link-check';

let server: Server;
let base = '';
const heads: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.method === 'HEAD') heads.push(req.url ?? '');
    if (req.url === '/ok') return res.writeHead(200).end('ok');
    if (req.url === '/gone') return res.writeHead(404).end();
    if (req.url === '/no-head') return res.writeHead(req.method === 'HEAD' ? 405 : 200).end('body');
    if (req.url === '/moved') return res.writeHead(301, { location: '/ok' }).end();
    if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/slow') return; // never answers
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const local = { allowPrivate: true, timeoutMs: 1000 };

describe('checkLink', () => {
  it('answers ok for a page that is there, with HEAD', async () => {
    expect(await checkLink(`${base}/ok`, local)).toEqual({ ok: true, status: 200 });
    expect(heads).toContain('/ok');
  });

  it('tries GET when the server refuses HEAD', async () => {
    expect(await checkLink(`${base}/no-head`, local)).toEqual({ ok: true, status: 200 });
  });

  it('follows redirects, and gives up on a loop', async () => {
    expect(await checkLink(`${base}/moved`, local)).toEqual({ ok: true, status: 200 });
    expect(await checkLink(`${base}/loop`, local)).toEqual({ ok: false, reason: 'too_many_redirects' });
  });

  it('reports a missing page, a slow server and a closed port', async () => {
    expect(await checkLink(`${base}/gone`, local)).toEqual({ ok: false, reason: 'status', status: 404 });
    expect(await checkLink(`${base}/slow`, { ...local, timeoutMs: 200 })).toEqual({ ok: false, reason: 'timeout' });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    expect(await checkLink(`http://127.0.0.1:${port}/`, local)).toEqual({ ok: false, reason: 'network' });
  });

  it('refuses to ask addresses inside the network unless allowed', async () => {
    expect(await checkLink(`${base}/ok`, { timeoutMs: 1000 })).toEqual({ ok: false, reason: 'private_address' });
    expect(await checkLink('https://169.254.169.254/latest/meta-data/')).toEqual({ ok: false, reason: 'private_address' });
    expect(await checkLink('https://intranet.test/', { resolve: async () => ['10.1.2.3'] })).toEqual({ ok: false, reason: 'private_address' });
  });

  it('checks every redirect again: a public page cannot send the check inside', async () => {
    const calls: string[] = [];
    const fakeFetch = (async (url: URL) => {
      calls.push(url.href);
      return new Response(null, { status: 302, headers: { location: 'http://127.0.0.1/admin' } });
    }) as unknown as typeof fetch;
    const result = await checkLink('https://news.test/a', { fetch: fakeFetch, resolve: async () => ['93.184.216.34'] });
    expect(result).toEqual({ ok: false, reason: 'private_address' });
    expect(calls).toEqual(['https://news.test/a']);
  });

  it('refuses an unsafe address without asking anything', async () => {
    expect(await checkLink('javascript:alert(1)')).toEqual({ ok: false, reason: 'unsafe_url' });
  });
});

describe('isPublicAddress', () => {
  it.each([
    ['93.184.216.34', true],
    ['2606:2800:220:1:248:1893:25c8:1946', true],
    ['127.0.0.1', false],
    ['10.0.0.1', false],
    ['172.16.5.4', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['::1', false],
    ['fd00::1', false],
    ['::ffff:127.0.0.1', false],
    ['0.0.0.0', false],
    ['nonsense', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('linkWarning', () => {
  it('says why in both languages, nothing when the link answered', () => {
    expect(linkWarning({ ok: true, status: 200 })).toBeNull();
    expect(linkWarning({ ok: false, reason: 'status', status: 404 })).toMatchObject({
      code: 'link_unreachable',
      field: 'link',
      id: expect.stringContaining('HTTP 404'),
      en: expect.stringContaining('HTTP status 404'),
    });
  });
});
