import type { FastifyInstance } from 'fastify';
import type { Kantor } from '../context';
import { CORS_PREFLIGHT, CORS_SIMPLE, requestOrigin, sendJson } from '../http-helpers';
import { publicKeyBase64 } from '../signing';
import type { EnrollFailure } from '../store/people';
import { enrollPage } from '../pages/enroll-page';
import { frameOf } from '../pages/layout';

/** PROTOCOL §6: `POST /api/v1/enroll` spends a code for a per-person token; `/daftar` is where the link lands. */

const MESSAGES: Record<EnrollFailure, string> = {
  unknown_code: 'Kode ini tidak dikenal. Periksa tautannya, atau minta kode baru ke Humas. / This code is unknown: check the link or ask for a new one.',
  code_used: 'Kode ini sudah dipakai. Minta kode baru ke Humas. / This code was used already: ask for a new one.',
  code_expired: 'Kode ini sudah kedaluwarsa (berlaku 14 hari). Minta kode baru ke Humas. / This code expired (codes last 14 days): ask for a new one.',
  code_revoked: 'Kode ini sudah dibatalkan. Minta kode baru ke Humas. / This code was cancelled: ask for a new one.',
  person_revoked: 'Pendaftaran Anda sudah dicabut oleh kantor. / The office revoked your enrollment.',
};

const enrollSchema = {
  body: {
    type: 'object',
    required: ['code'],
    properties: {
      code: { type: 'string', minLength: 1, maxLength: 500 },
      client: { type: 'object', properties: { name: { type: 'string', maxLength: 100 }, version: { type: 'string', maxLength: 100 } } },
    },
  },
} as const;

/** The code itself: a pasted link `…/daftar#<code>` works too. */
export function codeFrom(text: string): string {
  const trimmed = text.trim();
  const hash = trimmed.lastIndexOf('#');
  return hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
}

export function enrollPlugin(kantor: Kantor, attemptsPerMinute: number) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.options('/api/v1/enroll', { helmet: false }, async (_request, reply) => reply.code(204).headers(CORS_PREFLIGHT).send());

    app.post<{ Body: { code: string } }>(
      '/api/v1/enroll',
      {
        helmet: false,
        bodyLimit: 16 * 1024,
        schema: enrollSchema,
        // Guessing a 128-bit code is hopeless anyway; the limit keeps the log and the database quiet.
        config: { rateLimit: { max: attemptsPerMinute, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const result = await kantor.people.enroll(codeFrom(request.body.code));
        reply.headers({ ...CORS_SIMPLE, 'Cache-Control': 'no-store' });
        if (!result.ok) return sendJson(reply, 410, { reason: result.reason, message: MESSAGES[result.reason] });
        const origin = requestOrigin(request);
        const key = kantor.settings.signingKey;
        return sendJson(reply, 200, {
          token: result.token,
          reporter: { id: result.person.nip, name: result.person.name, unit: result.person.unit },
          feeds: [{ url: `${origin}/feed.json`, ...(key ? { public_key: publicKeyBase64(key) } : {}), report_url: `${origin}/api/v1/shares` }],
        });
      },
    );

    app.get('/daftar', async (request, reply) => reply.type('text/html; charset=utf-8').send(enrollPage(frameOf(request), requestOrigin(request))));
  };
}
