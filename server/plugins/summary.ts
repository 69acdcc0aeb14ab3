import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CSV_BOM, toCsv } from '../../lib/csv';
import { calendarDate } from '../../lib/time/zoned-date';
import type { Kantor } from '../context';
import { escapeHtml } from '../html';
import { page } from '../pages/layout';
import { POST_STYLE } from '../pages/posts/bits';
import { SummaryPage } from '../pages/summary-page';
import { readDateRange } from '../stats/date-range';
import { readSummary, SUMMARY_CSV_COLUMNS } from '../stats/summary-data';
import { trendSeries } from '../stats/trend';

/**
 * `/rekap` (every staff role): participation per unit, the trend, shares by post,
 * platform and person over a date range; `/rekap.csv` (`;` by default, `sep=comma` for
 * `,`); `/audit` and `/audit.csv` for admins: every approval, retraction, enrollment and
 * revocation, who, when and what it was before.
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
    const staff = app.requireRole('admin', 'editor', 'approver');
    const admin = app.requireRole('admin');
    const today = () => calendarDate(new Date(), kantor.settings.timezone);
    const html = (request: FastifyRequest, reply: FastifyReply, status: number, title: string, body: string) =>
      reply.code(status).headers({ 'Cache-Control': 'no-store' }).type('text/html; charset=utf-8').send(page(title, `<style>${POST_STYLE}</style>${body}`, { user: request.user!, csrf: reply.generateCsrf() }));

    app.get('/rekap', { preHandler: staff, schema: rangeQuery }, async (request: RangeRequest, reply) => {
      const asked = readDateRange(request.query, today());
      // A bad range is said above the page, which shows the default range meanwhile.
      const fallback = readDateRange({}, today());
      const range = asked.ok ? asked.range : fallback.ok ? fallback.range : { from: today(), to: today(), days: 1 };
      const summary = await readSummary(kantor.siar.db, range);
      const body = renderToStaticMarkup(
        createElement(SummaryPage, { range, summary, trend: trendSeries(range, summary.trend), today: today(), problems: asked.ok ? [] : [asked.problem] }),
      );
      return html(request, reply, asked.ok ? 200 : 400, 'Rekap', body);
    });

    app.get('/rekap.csv', { preHandler: staff, schema: rangeQuery }, async (request: RangeRequest, reply) => {
      const asked = readDateRange(request.query, today());
      if (!asked.ok) return reply.code(400).type('text/plain; charset=utf-8').send(`${asked.problem.id}\n${asked.problem.en}\n`);
      const summary = await readSummary(kantor.siar.db, asked.range);
      const rows = summary.list.map((r) => [r.shared_at, r.nip, r.name, r.unit, r.item_id, r.platform, r.post_url, r.verified ? 'ya' : 'tidak']);
      const csv = toCsv([SUMMARY_CSV_COLUMNS, ...rows], request.query.sep === 'comma' ? ',' : ';');
      return reply
        .headers({ 'Cache-Control': 'no-store', 'Content-Disposition': `attachment; filename="siar-rekap-${asked.range.from}-${asked.range.to}.csv"` })
        .type('text/csv; charset=utf-8')
        .send(CSV_BOM + csv);
    });

    const auditRows = () => kantor.siar.db.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(1000).execute();

    app.get('/audit', { preHandler: admin }, async (request, reply) => {
      const rows = await auditRows();
      const e = (text: string | null) => escapeHtml(text ?? '');
      const body = `<h1>Log audit <small lang="en">/ audit log</small></h1>
<nav><a class="primary" href="/audit.csv">Ekspor CSV <small lang="en">/ export</small></a></nav>
<section tabindex="0" aria-label="Log audit / audit log"><table><thead><tr><th scope="col">Waktu / time (UTC)</th><th scope="col">Siapa / who</th><th scope="col">Apa / what</th><th scope="col">Subjek / subject</th><th scope="col">Sebelumnya / before</th><th scope="col">Catatan / detail</th></tr></thead><tbody>
${rows.map((r) => `<tr data-audit="${e(r.action)}"><td>${e(r.at.slice(0, 19).replace('T', ' '))}</td><td>${e(r.actor)}</td><td>${e(r.action)}</td><td>${e(r.subject)}</td><td><code>${e(r.before)}</code></td><td>${e(r.detail)}</td></tr>`).join('\n')}
</tbody></table></section>`;
      return html(request, reply, 200, 'Audit', body);
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
