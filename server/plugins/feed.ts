import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kantor } from '../context';
import { CORS_EXPOSE, CORS_PREFLIGHT, CORS_SIMPLE, requestOrigin } from '../http-helpers';
import type { FeedVersion } from '../feed/feed-publisher';

/**
 * `/feed.json` and `/feed.json.sig` (PROTOCOL §2.6): the signed statement travels in the
 * `Siar-Signature` header and in the `.sig` file. No helmet headers here: a 304 must stay
 * under 300 bytes, and a feed is not a page.
 */

// A CDN may keep it a minute, revalidate with the ETag, and serve the last good copy
// for a day while this server is down (PROTOCOL §2.5: clients keep theirs too).
const FEED_CACHE = 'public, max-age=60, stale-while-revalidate=60, stale-if-error=86400';

function notModified(request: FastifyRequest, version: FeedVersion): boolean {
  const match = request.headers['if-none-match'];
  if (match !== undefined) return match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === version.etag);
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && version.lastModified.getTime() <= since;
}

export function feedPlugin(kantor: Kantor) {
  const { settings } = kantor;
  const current = (request: FastifyRequest) => {
    const origin = requestOrigin(request);
    return kantor.feed.current(origin, `${origin}/feed.json`);
  };

  async function serveFeed(request: FastifyRequest, reply: FastifyReply) {
    const version = await current(request);
    reply.headers({ ...CORS_SIMPLE, ETag: version.etag, 'Last-Modified': version.lastModified.toUTCString(), 'Cache-Control': FEED_CACHE });
    if (notModified(request, version)) return reply.code(304).send();
    reply.headers(CORS_EXPOSE).type('application/feed+json; charset=utf-8');
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
    app.get('/feed.json', { helmet: false }, serveFeed);
    app.get('/feed.json.sig', { helmet: false }, serveSignature);
    app.options('/feed.json', { helmet: false }, async (_request, reply) => reply.code(204).headers(CORS_PREFLIGHT).send());
  };
}
