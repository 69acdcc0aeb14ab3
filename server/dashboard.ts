import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CSV_BOM, toCsv } from '../lib/csv';
import { addDays, calendarDate, DEFAULT_TIMEZONE } from '../lib/time/zoned-date';
import { DASHBOARD_CSV_COLUMNS, dashboardCsvRows, readDay } from './dashboard-data';
import { dashboardPage } from './dashboard-page';
import { send } from './http-helpers';
import type { ReportStore } from './report-store';
import { reportsPage } from './reports-page';

/**
 * The office's pages: `/` (latest reports), `/dashboard` and `/dashboard.csv`.
 * They show names and NIPs, so a server reachable by others sets `dashboardAuth`
 * ("user:password", HTTP Basic); the report API keeps its own bearer tokens.
 */

export interface DashboardOptions {
  store: ReportStore;
  /** The zone of "today" (default Asia/Jakarta). */
  timezone?: string;
  /** "user:password" for HTTP Basic; null or absent: open (a local demo). */
  dashboardAuth?: string | null;
}

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function authorized(req: IncomingMessage, expected: string | null | undefined): boolean {
  if (!expected) return true;
  const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match) return false;
  const given = Buffer.from(Buffer.from(match[1]!, 'base64').toString('utf8'));
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Serves the office's pages; false when the path is not one of them. */
export function serveDashboard(req: IncomingMessage, res: ServerResponse, url: URL, options: DashboardOptions): boolean {
  if (url.pathname !== '/' && url.pathname !== '/dashboard' && url.pathname !== '/dashboard.csv') return false;
  if (!authorized(req, options.dashboardAuth)) {
    send(res, 401, 'Perlu masuk. / Sign-in required.', {
      'Content-Type': 'text/plain; charset=utf-8',
      'WWW-Authenticate': 'Basic realm="Siar", charset="UTF-8"',
    });
    return true;
  }
  if (url.pathname === '/') {
    send(res, 200, reportsPage(options.store.recent(200), `http://${req.headers.host ?? 'localhost'}/feed.json`), PAGE_HEADERS);
    return true;
  }
  const today = calendarDate(new Date(), options.timezone ?? DEFAULT_TIMEZONE);
  const asked = url.searchParams.get('date') ?? '';
  if (asked && !isDate(asked)) {
    send(res, 400, 'Tanggal harus YYYY-MM-DD. / The date must be YYYY-MM-DD.', { 'Content-Type': 'text/plain; charset=utf-8' });
    return true;
  }
  const date = asked || today;
  const day = readDay(options.store.db, date);
  if (url.pathname === '/dashboard.csv') {
    send(res, 200, CSV_BOM + toCsv([DASHBOARD_CSV_COLUMNS, ...dashboardCsvRows(day.list)]), {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="siar-laporan-${date}.csv"`,
      'Cache-Control': 'no-store',
    });
    return true;
  }
  const at = (d: string) => `/dashboard?date=${d}`;
  send(
    res,
    200,
    dashboardPage(day, { previous: at(addDays(date, -1)), next: at(addDays(date, 1)), today: '/dashboard', csv: `/dashboard.csv?date=${date}`, isToday: date === today }),
    PAGE_HEADERS,
  );
  return true;
}
