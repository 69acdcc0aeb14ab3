import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { feedStatement, signFeedStatement } from '../../../server/signing';

/**
 * A publisher for the signed-statement specs (PROTOCOL §2.6, issue 12): it serves the
 * version a test chooses with the statement the test chooses (right, replayed, for another
 * URL, expired), records each request's headers, and receives reports as a plain receiver
 * that records their headers too (to see which carried a token).
 */
export interface ServedVersion {
  body: string;
  /** The statement's claims; absent: no signature at all. */
  statement?: { seq: number; url?: string; iat?: Date; ageSeconds?: number; lifetimeSeconds?: number; bodyFor?: string };
}

export interface SignedFeedServer {
  origin: string;
  feedUrl: string;
  reportUrl: string;
  serve(version: ServedVersion): void;
  feedRequests: IncomingHttpHeaders[];
  reports: { headers: IncomingHttpHeaders; body: { reports: { id: string; item_id: string }[] } }[];
  close(): Promise<void>;
}

export async function startSignedFeedServer(options: { host: '127.0.0.1' | 'localhost'; key: KeyObject }): Promise<SignedFeedServer> {
  let current: ServedVersion = { body: '{}' };
  const feedRequests: IncomingHttpHeaders[] = [];
  const reports: SignedFeedServer['reports'] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type, Authorization', 'Access-Control-Expose-Headers': 'Siar-Signature' };
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    if (req.url === '/api/v1/shares' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SignedFeedServer['reports'][number]['body'];
        reports.push({ headers: req.headers, body });
        res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify({ accepted: body.reports.map((r) => r.id), duplicate: [], rejected: [] }));
      });
      return;
    }
    if (req.url !== '/feed.json') return res.writeHead(404, cors).end();
    feedRequests.push(req.headers);
    const version = current;
    const bytes = Buffer.from(version.body);
    const headers: Record<string, string> = { ...cors, 'Content-Type': 'application/feed+json', 'Cache-Control': 'no-store', ETag: `"v${version.statement?.seq ?? 0}"` };
    const sign = version.statement
      ? signFeedStatement(
          options.key,
          feedStatement({
            url: version.statement.url ?? `${origin}/feed.json`,
            body: version.statement.bodyFor ? Buffer.from(version.statement.bodyFor) : bytes,
            seq: version.statement.seq,
            now: version.statement.iat ?? new Date(Date.now() - (version.statement.ageSeconds ?? 0) * 1000),
            lifetimeSeconds: version.statement.lifetimeSeconds,
          }),
        )
      : Promise.resolve(null);
    void sign.then((jws) => {
      if (jws) headers['Siar-Signature'] = jws;
      res.writeHead(200, headers).end(bytes);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://${options.host}:${port}`;
  return {
    origin,
    feedUrl: `${origin}/feed.json`,
    reportUrl: `${origin}/api/v1/shares`,
    serve: (version) => {
      current = version;
    },
    feedRequests,
    reports,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A Siar JSON Feed whose items are today's and approved, naming its own receiver. */
export function siarFeed(origin: string, ids: string[], title = 'Kantor Uji'): string {
  const now = new Date().toISOString();
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    _siar: { version: 1, report_url: `${origin}/api/v1/shares` },
    items: ids.map((id) => ({ id, url: `https://diskominfo.example.go.id/${id}`, title: `Berita ${id}`, content_text: `Isi ${id}`, date_published: now, _siar: { approved: true } })),
  });
}
