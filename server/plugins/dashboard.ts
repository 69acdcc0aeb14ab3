import type { FastifyInstance } from 'fastify';
import { CSV_BOM, toCsv } from '../../lib/csv';
import { addDays, calendarDate, DEFAULT_TIMEZONE } from '../../lib/time/zoned-date';
import type { Kantor } from '../context';
import { DASHBOARD_CSV_COLUMNS, dashboardCsvRows, readDay, recentReports } from '../dashboard-data';
import { dashboardPage } from '../dashboard-page';
import { requestOrigin } from '../http-helpers';
import { reportsPage } from '../reports-page';
import { siteHealthNotice } from '../site-health/site-health-block';

/** The office's report pages: `/` (latest reports), `/dashboard` and `/dashboard.csv`, for every staff role. */

const dateQuery = {
  querystring: {
    type: 'object',
    properties: { date: { type: 'string', anyOf: [{ const: '' }, { format: 'date' }] } },
  },
} as const;

/** A day's page lists its latest shares; the CSV has every one. */
const DASHBOARD_LIST_LIMIT = 500;

export function dashboardPlugin(kantor: Kantor) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    const staff = app.requireRole('admin', 'editor', 'approver');
    const noStore = { 'Cache-Control': 'no-store' };

    app.get('/', { preHandler: staff }, async (request, reply) =>
      reply
        .headers(noStore)
        .type('text/html; charset=utf-8')
        .send(reportsPage(await recentReports(kantor.read.db, 200), `${requestOrigin(request)}/feed.json`, { user: request.user!, csrf: reply.generateCsrf() })),
    );

    app.get<{ Querystring: { date?: string } }>('/dashboard', { preHandler: staff, schema: dateQuery }, async (request, reply) => {
      const today = calendarDate(new Date(), kantor.settings.timezone ?? DEFAULT_TIMEZONE);
      const date = request.query.date || today;
      const day = await readDay(kantor.read.db, date, DASHBOARD_LIST_LIMIT);
      const at = (d: string) => `/dashboard?date=${d}`;
      const links = { previous: at(addDays(date, -1)), next: at(addDays(date, 1)), today: '/dashboard', csv: `/dashboard.csv?date=${date}`, isToday: date === today };
      return reply.headers(noStore).type('text/html; charset=utf-8').send(dashboardPage(day, links, { user: request.user!, csrf: reply.generateCsrf() }, await siteHealthNotice(kantor.read.db, kantor.settings.timezone)));
    });

    app.get<{ Querystring: { date?: string } }>('/dashboard.csv', { preHandler: staff, schema: dateQuery }, async (request, reply) => {
      const date = request.query.date || calendarDate(new Date(), kantor.settings.timezone ?? DEFAULT_TIMEZONE);
      const day = await readDay(kantor.read.db, date);
      return reply
        .headers({ ...noStore, 'Content-Disposition': `attachment; filename="siar-laporan-${date}.csv"` })
        .type('text/csv; charset=utf-8')
        .send(CSV_BOM + toCsv([DASHBOARD_CSV_COLUMNS, ...dashboardCsvRows(day.list)]));
    });
  };
}
