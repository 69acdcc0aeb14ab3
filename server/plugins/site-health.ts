import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kantor } from '../context';
import { CORS_PREFLIGHT, CORS_SIMPLE, sendJson } from '../http-helpers';
import { MAX_SITE_HEALTH_BYTES, siteHealthSchema, type SiteHealthBody } from '../site-health/site-health-schema';
import { storeSiteHealth } from '../site-health/site-health-store';
import type { Person } from '../store/people';
import { bearer, isJson } from './reports';

/**
 * The site check's receiving end (docs/protocol.md §7.1): `GET /.well-known/siar` says where,
 * `POST /api/v1/site-health` takes one person's daily counters with their report token.
 */

export const SITE_HEALTH_PATH = '/api/v1/site-health';
/** Days the office takes: the extension keeps 14; a clock a day ahead is tolerated. */
const OLDEST_DAYS = 31;

declare module 'fastify' {
  interface FastifyRequest {
    healthSender?: Person;
  }
}

const refuse = (reply: FastifyReply, status: number, reason: string, id: string, en: string, headers: Record<string, string> = {}) =>
  sendJson(reply.headers({ ...CORS_SIMPLE, ...headers }), status, { error: `${id} / ${en}`, reason });

/** The body's parse failures in both languages; anything else goes on to the app's handler. */
function bodyErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    reply.header('Connection', 'close');
    return refuse(reply, 413, 'too_large', `Kiriman lebih dari ${MAX_SITE_HEALTH_BYTES} byte.`, `The body is larger than ${MAX_SITE_HEALTH_BYTES} bytes.`);
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return refuse(reply, 400, 'not_json', 'Isi kiriman bukan JSON.', 'The body is not JSON.');
  }
  throw error;
}

export function siteHealthPlugin(kantor: Kantor) {
  /** Only a person's own token: the counters are kept per person, so that a resend replaces. */
  async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
    if (!isJson(request)) return refuse(reply, 415, 'unsupported_media_type', 'Kirim dengan Content-Type: application/json.', 'Send Content-Type: application/json.');
    const token = bearer(request);
    if (!token) {
      return refuse(reply, 401, 'token_required', 'Perlu token laporan pribadi (Authorization: Bearer).', "A person's report token is required (Authorization: Bearer).", {
        'WWW-Authenticate': 'Bearer',
      });
    }
    const holder = await kantor.people.tokenHolder(token);
    if (holder?.revoked) {
      return refuse(reply, 401, 'token_revoked', 'Token ini sudah dicabut kantor: daftar lagi dengan kode baru.', 'This token was revoked by the office: enroll again with a new code.', {
        'WWW-Authenticate': 'Bearer error="invalid_token"',
      });
    }
    if (!holder) return refuse(reply, 403, 'token_unknown', 'Token ini bukan token pribadi yang dikenal kantor.', "This token is not a person's token known to the office.");
    request.healthSender = holder.person;
  }

  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/.well-known/siar', { helmet: false }, async (_request, reply) =>
      sendJson(reply.headers({ ...CORS_SIMPLE, 'Cache-Control': 'max-age=3600' }), 200, { site_health_url: SITE_HEALTH_PATH }),
    );
    app.options(SITE_HEALTH_PATH, { helmet: false }, async (_request, reply) => reply.code(204).headers(CORS_PREFLIGHT).send());

    app.post<{ Body: SiteHealthBody }>(
      SITE_HEALTH_PATH,
      { helmet: false, bodyLimit: MAX_SITE_HEALTH_BYTES, schema: { body: siteHealthSchema }, attachValidation: true, onRequest: authenticate, errorHandler: bodyErrors },
      async (request, reply) => {
        if (request.validationError) {
          const issues = ((request.validationError as FastifyError).validation ?? []).slice(0, 20).map((v) => ({ path: v.instancePath || '/', message: v.message ?? 'invalid' }));
          return sendJson(reply.headers(CORS_SIMPLE), 400, {
            error: 'Isi tidak sesuai docs/protocol.md §7.1: hanya hitungan yang diterima. / The body does not follow docs/protocol.md §7.1: counters only.',
            reason: 'invalid_body',
            issues,
          });
        }
        const now = new Date();
        const newest = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
        const oldest = new Date(now.getTime() - OLDEST_DAYS * 86_400_000).toISOString().slice(0, 10);
        const outside = request.body.days.find((d) => d.day > newest || d.day < oldest);
        if (outside) {
          return refuse(reply, 400, 'day_out_of_range', `Hari ${outside.day} di luar ${OLDEST_DAYS} hari terakhir.`, `The day ${outside.day} is outside the last ${OLDEST_DAYS} days.`);
        }
        const stored = await storeSiteHealth(kantor.siar.db, request.healthSender!.id, request.body, now.toISOString());
        return sendJson(reply.headers(CORS_SIMPLE), 200, { stored });
      },
    );
  };
}
