import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSV_BOM, toCsv } from '../../lib/csv';
import type { Kantor } from '../context';
import { escapeHtml } from '../html';
import { translator } from '../i18n/messages';
import { frameOf, page } from '../pages/layout';
import { POST_STYLE } from '../pages/posts/bits';

/**
 * `/audit` and `/audit.csv` for admins: every approval, retraction, enrollment and
 * revocation, who, when and what it was before. (The summary that was `/rekap` is the
 * dashboard now: plugins/dashboard.ts.)
 */

const rangeQuery = {
  querystring: {
    type: 'object',
    properties: { from: { type: 'string', maxLength: 10 }, to: { type: 'string', maxLength: 10 }, sep: { enum: ['semicolon', 'comma'] } },
  },
} as const;

type RangeRequest = FastifyRequest<{ Querystring: { from?: string; to?: string; sep?: 'semicolon' | 'comma' } }>;

export function summaryPlugin(kantor: Kantor) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    const admin = app.requireRole('admin');
    const html = (request: FastifyRequest, reply: FastifyReply, status: number, title: string, body: string) =>
      reply.code(status).headers({ 'Cache-Control': 'no-store' }).type('text/html; charset=utf-8').send(page(title, `<style>${POST_STYLE}</style>${body}`, frameOf(request, { user: request.user!, csrf: reply.generateCsrf() })));

    const auditRows = () => kantor.siar.db.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(1000).execute();

    app.get('/audit', { preHandler: admin }, async (request, reply) => {
      const rows = await auditRows();
      const e = (text: string | null) => escapeHtml(text ?? '');
      const t = translator(frameOf(request).lang);
      const body = `<h1>${e(t('audit.heading'))}</h1>
<nav><a class="primary" href="/audit.csv">${e(t('audit.export'))}</a></nav>
<section tabindex="0" aria-label="${e(t('audit.heading'))}"><table class="stack"><thead><tr><th scope="col">${e(t('audit.time'))}</th><th scope="col">${e(t('audit.who'))}</th><th scope="col">${e(t('audit.what'))}</th><th scope="col">${e(t('audit.subject'))}</th><th scope="col">${e(t('audit.before'))}</th><th scope="col">${e(t('audit.detail'))}</th></tr></thead><tbody>
${rows.map((r) => `<tr data-audit="${e(r.action)}"><td>${e(r.at.slice(0, 19).replace('T', ' '))}</td><td>${e(r.actor)}</td><td>${e(r.action)}</td><td>${e(r.subject)}</td><td><code>${e(r.before)}</code></td><td>${e(r.detail)}</td></tr>`).join('\n')}
</tbody></table></section>`;
      return html(request, reply, 200, t('audit.heading'), body);
    });

    app.get('/audit.csv', { preHandler: admin, schema: rangeQuery }, async (request: RangeRequest, reply) => {
      const rows = (await auditRows()).map((r) => [r.at, r.actor, r.action, r.subject, r.before, r.detail]);
      return reply
        .headers({ 'Cache-Control': 'no-store', 'Content-Disposition': 'attachment; filename="siar-audit.csv"' })
        .type('text/csv; charset=utf-8')
        .send(CSV_BOM + toCsv([['at', 'actor', 'action', 'subject', 'before', 'detail'], ...rows], request.query.sep === 'comma' ? ',' : ';'));
    });
  };
}
