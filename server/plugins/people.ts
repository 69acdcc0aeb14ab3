import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kantor } from '../context';
import { requestOrigin } from '../http-helpers';
import { codesCsv } from '../people-codes';
import { frameOf } from '../pages/layout';
import { peoplePage, type PeopleView } from '../pages/people-page';
import { ImportRejected, UnknownPerson } from '../store/people';

/** `/people`, for admins: import a CSV (multipart), revoke a person, issue a new code. */

const MAX_CSV_BYTES = 5 * 1024 * 1024;
const nipParams = { params: { type: 'object', required: ['nip'], properties: { nip: { type: 'string', pattern: '^\\d{18}$' } } } } as const;

export function peoplePlugin(kantor: Kantor) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    await app.register(fastifyMultipart, { attachFieldsToBody: 'keyValues', limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 5 } });
    const admin = app.requireRole('admin');

    async function show(request: FastifyRequest, reply: FastifyReply, status: number, extra: Partial<PeopleView> = {}) {
      const view: PeopleView = { frame: frameOf(request, { user: request.user!, csrf: reply.generateCsrf() }), origin: requestOrigin(request), people: await kantor.people.list(), ...extra };
      return reply.code(status).headers({ 'Cache-Control': 'no-store' }).type('text/html; charset=utf-8').send(peoplePage(view));
    }

    app.get('/people', { preHandler: admin }, (request, reply) => show(request, reply, 200));

    app.post<{ Body: { file?: Buffer | string } }>('/people/import', { preHandler: [admin, app.csrfProtection] }, async (request, reply) => {
      const file = request.body?.file;
      const text = Buffer.isBuffer(file) ? file.toString('utf8') : typeof file === 'string' ? file : '';
      try {
        const issued = await kantor.people.importCsv(text, request.user!.name);
        return show(request, reply, 200, { issued, codesCsv: codesCsv(requestOrigin(request), issued) });
      } catch (error) {
        if (error instanceof ImportRejected) return show(request, reply, 400, { problems: error.problems });
        throw error;
      }
    });

    app.post<{ Params: { nip: string } }>('/people/:nip/revoke', { preHandler: [admin, app.csrfProtection], schema: nipParams }, async (request, reply) => {
      try {
        await kantor.people.revoke(request.params.nip, request.user!.name);
      } catch (error) {
        if (error instanceof UnknownPerson) return reply.callNotFound();
        throw error;
      }
      return reply.redirect('/people', 303);
    });

    app.post<{ Params: { nip: string } }>('/people/:nip/reissue', { preHandler: [admin, app.csrfProtection], schema: nipParams }, async (request, reply) => {
      try {
        const issued = await kantor.people.reissue(request.params.nip, request.user!.name);
        return show(request, reply, 200, { issued: [issued], codesCsv: codesCsv(requestOrigin(request), [issued]) });
      } catch (error) {
        if (error instanceof UnknownPerson) return reply.callNotFound();
        throw error;
      }
    });
  };
}
