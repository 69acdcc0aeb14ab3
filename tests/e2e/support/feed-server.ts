import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './paths';

/**
 * A feed server whose answer a test switches at will: a good version, then
 * hostile ones. On 127.0.0.1 because the extension's service worker fetches the
 * feed itself, which `context.route` would not see.
 */
export interface FeedVersion {
  body: string | Uint8Array;
  contentType?: string;
  status?: number;
  headers?: Record<string, string>;
}

export interface SwitchableFeedServer {
  feedUrl: string;
  serve(version: FeedVersion): void;
  /** How many times the feed was fetched. */
  hits(): number;
  close(): Promise<void>;
}

export async function startFeedServer(first: FeedVersion): Promise<SwitchableFeedServer> {
  let current = first;
  let hits = 0;
  const server: Server = createServer((req, res) => {
    if (req.url !== '/feed') {
      res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end();
      return;
    }
    hits++;
    const body = typeof current.body === 'string' ? Buffer.from(current.body) : Buffer.from(current.body);
    res.writeHead(current.status ?? 200, {
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-store',
      'Content-Type': current.contentType ?? 'application/octet-stream',
      'Content-Length': String(body.byteLength),
      ...current.headers,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    feedUrl: `http://127.0.0.1:${port}/feed`,
    serve: (version) => {
      current = version;
    },
    hits: () => hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A corpus file (tests/fixtures/feeds), its fixed dates moved to today so that its items are today's. */
export function corpusFeed(name: string, contentType: string): FeedVersion {
  const raw = readFileSync(join(ROOT, 'tests/fixtures/feeds', name));
  if (/\.(json|xml)$/.test(name) && isUtf8(raw)) {
    const now = new Date();
    const rfc822 = now.toUTCString();
    const iso = now.toISOString();
    const text = raw
      .toString('utf8')
      .replace(/Thu, 26 Nov 2026 \d\d:\d\d:\d\d (\+0000|GMT)/g, rfc822)
      .replace(/2026-11-26T\d\d:\d\d:\d\d\+07:00/g, iso);
    return { body: text, contentType };
  }
  return { body: new Uint8Array(raw), contentType };
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
