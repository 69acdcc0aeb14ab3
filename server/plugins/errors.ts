import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldIssue } from '../report-schema';
import { CORS_SIMPLE } from '../http-helpers';
import { message, plain, type PlainKey } from '../i18n/messages';
import { frameOf, messagePage } from '../pages/layout';

/**
 * One place where failures become answers: JSON with field paths under /api, a short
 * page in the reader's language elsewhere. Nothing here swallows an error silently: 5xx are logged.
 */

function fieldPath(error: NonNullable<FastifyError['validation']>[number]): string {
  const base = error.instancePath.split('/').filter(Boolean);
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  if (missing) base.push(missing);
  return base.join('.');
}

const wantsJson = (request: FastifyRequest) => request.url.startsWith('/api/') || request.url.startsWith('/healthz');

function answer(request: FastifyRequest, reply: FastifyReply, status: number, json: Record<string, unknown>, key: PlainKey) {
  if (wantsJson(request)) return reply.code(status).headers(CORS_SIMPLE).send(json);
  const frame = frameOf(request);
  return reply.code(status).type('text/html; charset=utf-8').send(messagePage(frame, plain(frame.lang, key)));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const issues: FieldIssue[] = error.validation.slice(0, 50).map((v) => ({ path: fieldPath(v), message: v.message ?? 'invalid' }));
      return answer(request, reply, 400, { error: 'the request does not follow the API (PROTOCOL §3.3, §6)', issues }, 'error.invalid');
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        reply.header('Connection', 'close');
        return answer(request, reply, 413, { error: `the body is larger than ${request.routeOptions.bodyLimit ?? 1048576} bytes` }, 'error.tooLarge');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return answer(request, reply, 415, { error: 'send Content-Type: application/json' }, 'error.mediaType');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return answer(request, reply, 400, { error: 'the body is not JSON', issues: [{ path: '', message: 'not JSON' }] }, 'error.notJson');
      case 'FST_CSRF_MISSING_SECRET':
      case 'FST_CSRF_INVALID_TOKEN':
        return answer(request, reply, 403, { error: 'missing or invalid CSRF token' }, 'error.csrf');
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return answer(request, reply, 429, { error: 'too many requests', reason: 'rate_limited' }, 'error.rateLimited');
    }
    if (status === 413) return answer(request, reply, 413, { error: error.message }, 'error.tooLarge');
    if (status < 500) {
      if (wantsJson(request)) return reply.code(status).headers(CORS_SIMPLE).send({ error: error.message });
      // Fastify's own message is English and technical: the page says what happened in the reader's language.
      const frame = frameOf(request);
      return reply.code(status).type('text/html; charset=utf-8').send(messagePage(frame, message(frame.lang, 'error.refused', { status })));
    }
    request.log.error(error);
    return answer(request, reply, 500, { error: 'internal error' }, 'error.server');
  });

  app.setNotFoundHandler((request, reply) =>
    answer(request, reply, 404, { error: `no route ${request.method} ${request.url.split('?')[0]}` }, 'error.notFound'),
  );
}
