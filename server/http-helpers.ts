import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * CORS for the feed and the API: anyone may read the feed, and reports come from an
 * extension's service worker. The long list goes only on preflight answers, so that a
 * 304 of the feed stays small (issue 10: ≤ 300 bytes).
 */
export const CORS_SIMPLE = {
  'Access-Control-Allow-Origin': '*',
} as const;

export const CORS_PREFLIGHT = {
  ...CORS_SIMPLE,
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization, If-None-Match, If-Modified-Since',
  'Access-Control-Max-Age': '600',
} as const;

export const CORS_EXPOSE = { 'Access-Control-Expose-Headers': 'ETag, Last-Modified, Retry-After, Siar-Signature' } as const;

/** The origin this request reached, as the client sees it: https behind a trusted TLS proxy (`--trust-proxy`). */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function sendJson(reply: FastifyReply, status: number, value: unknown): FastifyReply {
  return reply.code(status).header('Content-Type', 'application/json; charset=utf-8').send(JSON.stringify(value));
}

/** Every CORS header at once (tests' look-alike servers answer with it). */
export const CORS_HEADERS = { ...CORS_PREFLIGHT, ...CORS_EXPOSE } as const;
