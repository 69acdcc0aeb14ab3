import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CSV_BOM, toCsv } from '../../lib/csv';
import { calendarDate, DEFAULT_TIMEZONE } from '../../lib/time/zoned-date';
import type { Kantor } from '../context';
import { requestOrigin } from '../http-helpers';
import { message } from '../i18n/messages';
import { frameOf, page } from '../pages/layout';
import { InLanguage, POST_STYLE } from '../pages/posts/bits';
import { SummaryPage } from '../pages/summary-page';
import { recentReports, reportsPage } from '../reports-page';
import { siteHealthNotice } from '../site-health/site-health-block';
import { readDateRange } from '../stats/date-range';
import { exportRows } from '../stats/export';
import { readSummary, SUMMARY_CSV_COLUMNS } from '../stats/summary-data';
import { trendSeries } from '../stats/trend';

/**
 * The office's report pages, for every staff role: `/` (latest reports), and THE
 * dashboard, `/dashboard` (issue 13: participation per unit, the trend, shares by post,
 * platform and person over a date range, unverified apart; read from the rollups, on
 * the read replica where there is one) with `/dashboard.csv` (every share of the range,
 * `;` by default, `sep=comma` for `,`). `/rekap` was the summary's own page; it now
 * redirects here, so old links keep working. `?date=D` is the range D–D.
 */

const rangeQuery = {
  querystring: {
    type: 'object',
    properties: {
      from: { type: 'string', maxLength: 10 },
      to: { type: 'string', maxLength: 10 },
      date: { type: 'string', maxLength: 10 },
      sep: { enum: ['semicolon', 'comma'] },
    },
  },
} as const;

type RangeRequest = FastifyRequest<{ Querystring: { from?: string; to?: string; date?: string; sep?: 'semicolon' | 'comma' } }>;

const askedRange = (query: RangeRequest['query']) => (query.date ? { from: query.date, to: query.date } : { from: query.from, to: query.to });

export function dashboardPlugin(kantor: Kantor) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    const staff = app.requireRole('admin', 'editor', 'approver');
    const noStore = { 'Cache-Control': 'no-store' };
    const today = () => calendarDate(new Date(), kantor.settings.timezone ?? DEFAULT_TIMEZONE);
    const frame = (request: FastifyRequest, reply: FastifyReply) => frameOf(request, { user: request.user!, csrf: reply.generateCsrf() });

    app.get('/', { preHandler: staff }, async (request, reply) =>
      reply
        .headers(noStore)
        .type('text/html; charset=utf-8')
        .send(reportsPage(await recentReports(kantor.read.db, 200), `${requestOrigin(request)}/feed.json`, frame(request, reply))),
    );

    app.get('/dashboard', { preHandler: staff, schema: rangeQuery }, async (request: RangeRequest, reply) => {
      const asked = readDateRange(askedRange(request.query), today());
      // A bad range is said above the page, which shows the default range meanwhile.
      const fallback = readDateRange({}, today());
      const range = asked.ok ? asked.range : fallback.ok ? fallback.range : { from: today(), to: today(), days: 1 };
      const summary = await readSummary(kantor.read.db, range);
      const shown = frame(request, reply);
      // The site check (issue 11) stands above the figures, and only while a step is failing.
      const siteHealth = await siteHealthNotice(kantor.read.db, kantor.settings.timezone ?? DEFAULT_TIMEZONE, shown.lang);
      const summaryPage = createElement(SummaryPage, { range, summary, trend: trendSeries(range, summary.trend), today: today(), problems: asked.ok ? [] : [asked.problem] });
      const body = siteHealth + renderToStaticMarkup(createElement(InLanguage, { lang: shown.lang }, summaryPage));
      return reply
        .code(asked.ok ? 200 : 400)
        .headers(noStore)
        .type('text/html; charset=utf-8')
        .send(page(message(shown.lang, 'dash.title', { from: range.from, to: range.to }), `<style>${POST_STYLE}</style>${body}`, shown));
    });

    app.get('/dashboard.csv', { preHandler: staff, schema: rangeQuery }, async (request: RangeRequest, reply) => {
      const asked = readDateRange(askedRange(request.query), today());
      if (!asked.ok) return reply.code(400).type('text/plain; charset=utf-8').send(`${asked.problem.id}\n${asked.problem.en}\n`);
      const { range } = asked;
      const delimiter = request.query.sep === 'comma' ? ',' : ';';
      const name = range.from === range.to ? range.from : `${range.from}-${range.to}`;
      async function* lines() {
        yield CSV_BOM + toCsv([SUMMARY_CSV_COLUMNS], delimiter);
        for await (const rows of exportRows(kantor.read.db, range)) {
          yield toCsv(
            rows.map((r) => [r.shared_at, r.nip, r.name, r.unit, r.verified ? 'ya' : 'tidak', r.item_id, r.item_url, r.platform, r.status, r.method, r.post_url, r.id]),
            delimiter,
          );
        }
      }
      return reply
        .headers({ ...noStore, 'Content-Disposition': `attachment; filename="siar-laporan-${name}.csv"` })
        .type('text/csv; charset=utf-8')
        .send(Readable.from(lines()));
    });

    const again = (path: string) => (request: FastifyRequest, reply: FastifyReply) => {
      const at = request.url.indexOf('?');
      return reply.redirect(path + (at < 0 ? '' : request.url.slice(at)), 301);
    };
    app.get('/rekap', again('/dashboard'));
    app.get('/rekap.csv', again('/dashboard.csv'));
  };
}
