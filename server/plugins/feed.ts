import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Kantor } from '../context';
import { CORS_EXPOSE, CORS_PREFLIGHT, CORS_SIMPLE, requestOrigin } from '../http-helpers';
import type { FeedVersion } from '../feed/feed-publisher';

/**
 * `/feed.json` and `/feed.json.sig` (PROTOCOL §2.6): the signed statement travels in the
 * `Siar-Signature` header and in the `.sig` file. No helmet headers here: a 304 must stay
 * under 300 bytes, and a feed is not a page.
 *
 * Almost every request is a client's poll of an unchanged feed (issue 15: about 4,800 a
 * second nationally, nearly all 304). Those are answered by `installFeedFastPath`, the
 * app's first onRequest hook, before sessions, cookies, helmet and admission, with headers
 * built once per feed version. Only a version built within the publisher's memo is used
 * there; anything else goes on to the route, which builds it.
 */

// A CDN may keep it a minute, revalidate with the ETag, and serve the last good copy
// for a day while this server is down (PROTOCOL §2.5: clients keep theirs too).
const FEED_CACHE = 'public, max-age=60, stale-while-revalidate=60, stale-if-error=86400';

const FEED_PATH = '/feed.json';

/**
 * What a 304 carries (RFC 9110 §15.4.5: the ETag and Cache-Control a 200 would have).
 * Not Last-Modified: a cache keeps the one it holds, and the 46 bytes would take the
 * answer over 300. The extension keeps its own validators on a 304 (lib/feed/fetch-feed.ts),
 * and a 304 never carries the statement: it asks for the `.sig` past half its life.
 */
const notModifiedHeaders = new WeakMap<FeedVersion, Record<string, string>>();
function headersFor304(version: FeedVersion): Record<string, string> {
  let headers = notModifiedHeaders.get(version);
  if (!headers) {
    headers = { ...CORS_SIMPLE, ETag: version.etag, 'Cache-Control': FEED_CACHE };
    notModifiedHeaders.set(version, headers);
  }
  return headers;
}

const feedUrlOf = (request: FastifyRequest) => `${requestOrigin(request)}${FEED_PATH}`;

function notModified({ headers }: { headers: IncomingHttpHeaders }, version: FeedVersion): boolean {
  const match = headers['if-none-match'];
  if (match !== undefined) return match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === version.etag);
  const since = Date.parse(headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && version.lastModified.getTime() <= since;
}

export function feedPlugin(kantor: Kantor) {
  const { settings } = kantor;
  const current = (request: FastifyRequest) => {
    const origin = requestOrigin(request);
    return kantor.feed.current(origin, `${origin}${FEED_PATH}`);
  };

  async function serveFeed(request: FastifyRequest, reply: FastifyReply) {
    const version = await current(request);
    if (notModified(request, version)) return reply.code(304).headers(headersFor304(version)).send();
    reply.headers({ ...CORS_SIMPLE, ...CORS_EXPOSE, ETag: version.etag, 'Last-Modified': version.lastModified.toUTCString(), 'Cache-Control': FEED_CACHE });
    reply.type('application/feed+json; charset=utf-8');
    if (version.signature && settings.signatureHeader) {
      reply.header('Siar-Signature', settings.signatureVersion === 'v1' ? `ed25519=${version.signature}` : version.signature);
    }
    return reply.send(version.body);
  }

  async function serveSignature(request: FastifyRequest, reply: FastifyReply) {
    if (!settings.signingKey) {
      return reply.code(404).type('text/plain; charset=utf-8').send('Feed ini tidak ditandatangani. / This server does not sign its feed.');
    }
    const version = await current(request);
    return reply
      .headers({ ...CORS_SIMPLE, 'Cache-Control': 'no-cache', ETag: version.etag })
      .type(settings.signatureVersion === 'v1' ? 'text/plain; charset=utf-8' : 'application/jose; charset=utf-8')
      .send(settings.signatureVersion === 'v1' ? `${version.signature}\n` : version.signature);
  }

  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get(FEED_PATH, { helmet: false }, serveFeed);
    app.get('/feed.json.sig', { helmet: false }, serveSignature);
    app.options('/feed.json', { helmet: false }, async (_request, reply) => reply.code(204).headers(CORS_PREFLIGHT).send());
  };
}

/**
 * The conditional GET of an unchanged feed, answered in the app's first onRequest hook
 * (register it before everything else): no session, cookie, helmet or admission work,
 * and the raw 304 written with headers built once per version. A changed feed never
 * gets here as a 304: the version is the one the route would serve now.
 */
export function installFeedFastPath(app: FastifyInstance, kantor: Kantor): void {
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (request.routeOptions.url !== FEED_PATH || !isConditionalGet(request)) return done();
    const version = unchanged(kantor, feedUrlOf(request), request);
    if (!version) return done();
    reply.hijack();
    write304(reply.raw, version);
  });
}

/** A GET or HEAD that carries a validator: the only request a 304 can answer. */
function isConditionalGet({ method, headers }: { method?: string; headers: IncomingHttpHeaders }): boolean {
  return (method === 'GET' || method === 'HEAD') && (headers['if-none-match'] !== undefined || headers['if-modified-since'] !== undefined);
}

/** The memoised version of the feed at `feedUrl`, when the request's validators match it. */
function unchanged(kantor: Kantor, feedUrl: string, request: { headers: IncomingHttpHeaders }): FeedVersion | undefined {
  const version = kantor.feed.peek(feedUrl);
  return version && notModified(request, version) ? version : undefined;
}

function write304(response: ServerResponse, version: FeedVersion): void {
  response.writeHead(304, headersFor304(version));
  response.end();
}

/**
 * The same answer one step earlier, for a server that believes no proxy (its origin is its
 * own Host header): in the HTTP server's request listener, before Fastify makes a request,
 * a reply or a route lookup (issue 15: ≥ 10,000 304s a second). Returns false for anything
 * else, which goes to Fastify as usual. Behind a trusted proxy the origin comes from
 * X-Forwarded-* headers that Fastify reads: `installFeedFastPath` answers there.
 */
export function rawFeedNotModified(kantor: Kantor): (request: IncomingMessage, response: ServerResponse) => boolean {
  return (request, response) => {
    const { url, headers } = request;
    if (url === undefined || !url.startsWith(FEED_PATH) || (url.length > FEED_PATH.length && url[FEED_PATH.length] !== '?')) return false;
    if (!isConditionalGet(request) || headers.host === undefined) return false;
    const encrypted = (request.socket as { encrypted?: boolean }).encrypted === true;
    const version = unchanged(kantor, `${encrypted ? 'https' : 'http'}://${headers.host}${FEED_PATH}`, request);
    if (!version) return false;
    write304(response, version);
    return true;
  };
}
