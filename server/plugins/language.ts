import type { FastifyInstance } from 'fastify';
import { LANGUAGE_COOKIE } from '../i18n/request-language';
import { safeNext } from './auth';

/**
 * `GET /lang/:lang?next=/path`: the page header's language switch. It only sets a
 * preference cookie (nothing to forge, so a plain link works without a CSRF token or
 * any script) and goes back to the page, now in that language.
 */

const ONE_YEAR_S = 365 * 24 * 3600;

export async function languagePlugin(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { lang: 'id' | 'en' }; Querystring: { next?: string } }>(
    '/lang/:lang',
    {
      schema: {
        params: { type: 'object', required: ['lang'], properties: { lang: { enum: ['id', 'en'] } } },
        querystring: { type: 'object', properties: { next: { type: 'string', maxLength: 2000 } } },
      },
    },
    async (request, reply) => {
      reply.setCookie(LANGUAGE_COOKIE, request.params.lang, { path: '/', maxAge: ONE_YEAR_S, sameSite: 'lax', httpOnly: true, secure: 'auto' });
      return reply.headers({ 'Cache-Control': 'no-store' }).redirect(safeNext(request.query.next), 303);
    },
  );
}
