import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldIssue } from '../report-schema';
import { CORS_SIMPLE } from '../http-helpers';
import { messagePage } from '../pages/layout';

/**
 * One place where failures become answers: JSON with field paths under /api, a short
 * page in both languages elsewhere. Nothing here swallows an error silently: 5xx are logged.
 */

function fieldPath(error: NonNullable<FastifyError['validation']>[number]): string {
  const base = error.instancePath.split('/').filter(Boolean);
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  if (missing) base.push(missing);
  return base.join('.');
}

const wantsJson = (request: FastifyRequest) => request.url.startsWith('/api/') || request.url.startsWith('/healthz');

function answer(request: FastifyRequest, reply: FastifyReply, status: number, json: Record<string, unknown>, id: string, en: string) {
  if (wantsJson(request)) return reply.code(status).headers(CORS_SIMPLE).send(json);
  return reply.code(status).type('text/html; charset=utf-8').send(messagePage(id, en));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const issues: FieldIssue[] = error.validation.slice(0, 50).map((v) => ({ path: fieldPath(v), message: v.message ?? 'invalid' }));
      return answer(request, reply, 400, { error: 'the request does not follow the API (PROTOCOL §3.3, §6)', issues }, 'Isian tidak sah.', 'The request is not valid.');
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        reply.header('Connection', 'close');
        return answer(request, reply, 413, { error: `the body is larger than ${request.routeOptions.bodyLimit ?? 1048576} bytes` }, 'Kiriman terlalu besar.', 'The body is too large.');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return answer(request, reply, 415, { error: 'send Content-Type: application/json' }, 'Jenis isi tidak didukung.', 'Unsupported content type.');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return answer(request, reply, 400, { error: 'the body is not JSON', issues: [{ path: '', message: 'not JSON' }] }, 'Isi bukan JSON.', 'The body is not JSON.');
      case 'FST_CSRF_MISSING_SECRET':
      case 'FST_CSRF_INVALID_TOKEN':
        return answer(
          request,
          reply,
          403,
          { error: 'missing or invalid CSRF token' },
          'Formulir ini kedaluwarsa atau tidak berasal dari Siar Kantor. Muat ulang halaman lalu coba lagi.',
          'This form expired or did not come from Siar Kantor. Reload the page and try again.',
        );
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return answer(request, reply, 429, { error: 'too many requests', reason: 'rate_limited' }, 'Terlalu banyak percobaan. Tunggu sebentar.', 'Too many attempts. Wait a little.');
    }
    if (status < 500) return answer(request, reply, status, { error: error.message }, error.message, error.message);
    request.log.error(error);
    return answer(request, reply, 500, { error: 'internal error' }, 'Terjadi kesalahan di server. Sudah dicatat.', 'The server failed. It was logged.');
  });

  app.setNotFoundHandler((request, reply) =>
    answer(request, reply, 404, { error: `no route ${request.method} ${request.url.split('?')[0]}` }, 'Halaman tidak ditemukan.', 'Page not found.'),
  );
}
