import { createHash, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoFeed } from './demo-feed';
import { demoArticlePage, demoPoster } from './demo-pages';
import { CORS_HEADERS, send, sendJson } from './http-helpers';
import { serveDashboard } from './dashboard';
import { ReportStore } from './report-store';
import { handleShares } from './shares-api';
import { FeedSequence } from './feed-seq';
import { EnrollmentDesk, type EnrollmentCode } from './enroll-route';
import { feedStatement, publicKeyBase64, signFeedStatement } from './signing';

export interface SiarServerOptions {
  host: string;
  port: number;
  dataDir: string;
  tokens: ReadonlySet<string> | null;
  /** Signs the feed (PROTOCOL §2.6): a `Siar-Signature` header and `/feed.json.sig`. */
  signingKey?: KeyObject | null;
  /** false: the signature only in `/feed.json.sig` (to try a client's fallback). */
  signatureHeader?: boolean;
  /** The dashboard's "today" zone (default Asia/Jakarta). */
  timezone?: string;
  /** "user:password" asked (HTTP Basic) for `/` and the dashboard; absent: open. */
  dashboardAuth?: string | null;
  /** Enrollment codes (PROTOCOL §6, server/enroll-route.ts, until Siar Kantor's replaces it). */
  enrollmentCodes?: EnrollmentCode[];
}

export interface RunningServer {
  server: Server;
  store: ReportStore;
  origin: string;
  close(): Promise<void>;
}

function originOf(req: IncomingMessage): string {
  return `http://${req.headers.host ?? 'localhost'}`;
}

function feedBody(req: IncomingMessage): Buffer {
  return Buffer.from(JSON.stringify(demoFeed(originOf(req)), null, 2));
}

/** PROTOCOL §2.6 (v2): a statement naming this feed URL, now, and the exact body. */
async function signedStatement(req: IncomingMessage, body: Uint8Array, key: KeyObject, seqs: FeedSequence): Promise<string> {
  const url = new URL(req.url ?? '/feed.json', originOf(req));
  url.pathname = url.pathname.replace(/\.sig$/, '');
  return signFeedStatement(key, feedStatement({ url: url.href, body, seq: seqs.next(url.href, body) }));
}

async function serveFeed(req: IncomingMessage, res: ServerResponse, options: SiarServerOptions, seqs: FeedSequence): Promise<void> {
  const body = feedBody(req);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    ETag: etag,
    // A CDN may keep it a minute, revalidate with the ETag, and serve the last good copy
    // for a day while this server is down (PROTOCOL §2.5: clients keep theirs too).
    'Cache-Control': 'public, max-age=60, stale-while-revalidate=60, stale-if-error=86400',
    'Content-Type': 'application/feed+json; charset=utf-8',
  };
  if (options.signingKey && options.signatureHeader !== false) {
    // Signed on every answer, 304 included: the client's copy gets a fresh exp without a new body.
    headers['Siar-Signature'] = await signedStatement(req, body, options.signingKey, seqs);
  }
  if (req.headers['if-none-match'] === etag) return send(res, 304, '', headers);
  send(res, 200, body, headers);
}

/** `/feed.json.sig`: the signed statement of the body `/feed.json` serves now. */
async function serveSignature(req: IncomingMessage, res: ServerResponse, options: SiarServerOptions, seqs: FeedSequence): Promise<void> {
  if (!options.signingKey) return send(res, 404, 'This server does not sign its feed.', { 'Content-Type': 'text/plain; charset=utf-8' });
  send(res, 200, `${await signedStatement(req, feedBody(req), options.signingKey, seqs)}\n`, {
    ...CORS_HEADERS,
    'Cache-Control': 'no-cache',
    'Content-Type': 'text/plain; charset=utf-8',
  });
}

async function route(req: IncomingMessage, res: ServerResponse, store: ReportStore, options: SiarServerOptions, seqs: FeedSequence, desk: EnrollmentDesk | null): Promise<void> {
  const url = new URL(req.url ?? '/', originOf(req));
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') return send(res, 204, '', CORS_HEADERS);

  if (url.pathname === '/api/v1/shares') {
    if (method !== 'POST') return sendJson(res, 405, { error: 'use POST' }, { Allow: 'POST, OPTIONS' });
    return handleShares(req, res, { store, tokens: desk?.tokens ?? options.tokens });
  }
  if (url.pathname === '/api/v1/enroll' && desk) {
    if (method !== 'POST') return sendJson(res, 405, { error: 'use POST' }, { Allow: 'POST, OPTIONS' });
    return desk.handle(req, res, originOf(req));
  }
  if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });

  if (url.pathname === '/feed.json') return serveFeed(req, res, options, seqs);
  if (url.pathname === '/feed.json.sig') return serveSignature(req, res, options, seqs);
  if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
  if (serveDashboard(req, res, url, { store, timezone: options.timezone, dashboardAuth: options.dashboardAuth })) return;
  const poster = /^\/demo\/images\/(\w+)\.svg$/.exec(url.pathname);
  if (poster) {
    const svg = demoPoster(poster[1]!);
    if (svg) return send(res, 200, svg, { ...CORS_HEADERS, 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' });
  }
  const article = /^\/demo\/artikel\/([\w-]+)$/.exec(url.pathname);
  if (article) {
    const page = demoArticlePage(article[1]!);
    if (page) return send(res, 200, page, { 'Content-Type': 'text/html; charset=utf-8' });
  }
  send(res, 404, 'Not Found', { 'Content-Type': 'text/plain; charset=utf-8' });
}

/** Starts the reference server; port 0 picks a free one. */
export function startServer(options: SiarServerOptions): Promise<RunningServer> {
  const store = new ReportStore(options.dataDir);
  const seqs = new FeedSequence(options.dataDir);
  const desk = options.enrollmentCodes
    ? new EnrollmentDesk(options.enrollmentCodes, new Set(options.tokens ?? []), (origin) => [
        {
          url: `${origin}/feed.json`,
          ...(options.signingKey ? { public_key: publicKeyBase64(options.signingKey) } : {}),
          report_url: `${origin}/api/v1/shares`,
        },
      ])
    : null;
  const server = createServer((req, res) => {
    route(req, res, store, options, seqs, desk).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        server,
        store,
        origin: `http://${host}:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => {
              store.close();
              done();
            });
          }),
      });
    });
  });
}
