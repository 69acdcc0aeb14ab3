import type { Kysely } from 'kysely';
import type { Database, ReportsTable } from './db/schema';
import { escapeHtml, linkOrText } from './html';
import { page, type PageUser } from './pages/layout';

/** `/`: the reports received, newest first. */
export function reportsPage(reports: readonly ReportsTable[], feedUrl: string, frame: { user: PageUser; csrf: string }): string {
  const rows = reports
    .map(
      (r) => `<tr data-report-id="${escapeHtml(r.id)}">
<td>${escapeHtml(r.received_at.replace('T', ' ').slice(0, 19))}</td>
<td>${escapeHtml(r.reporter_name || '—')}<br><small>${escapeHtml(r.reporter_id)}</small>${r.verified ? '' : ' <span class="badge">belum terverifikasi / unverified</span>'}</td>
<td>${escapeHtml(r.reporter_unit)}</td>
<td>${escapeHtml(r.platform)}</td>
<td>${escapeHtml(r.status)} <small>(${escapeHtml(r.method)})</small></td>
<td>${linkOrText(r.item_url, r.item_id) || escapeHtml(r.item_id)}</td>
<td>${linkOrText(r.post_url) || '—'}</td></tr>`,
    )
    .join('\n');
  return page(
    'Siar — laporan diterima',
    `<h1>Siar — laporan diterima <small>/ reports received</small></h1>
<p>Feed: <a href="${escapeHtml(feedUrl)}">${escapeHtml(feedUrl)}</a> ·
Laporan dikirim ke / reports go to <code>POST /api/v1/shares</code> · <a href="/dashboard">Dasbor / dashboard</a></p>
<p>${reports.length === 0 ? 'Belum ada laporan. / No reports yet.' : `${reports.length} laporan terbaru / latest reports`}</p>
<section><table class="stack"><thead><tr><th>Diterima (UTC)</th><th>Pelapor</th><th>Unit</th><th>Platform</th><th>Status</th><th>Unggahan</th><th>Tautan</th></tr></thead>
<tbody>${rows}</tbody></table></section>`,
    frame,
  );
}

/** The latest reports received, by the index on received_at. */
export async function recentReports(db: Kysely<Database>, limit: number): Promise<ReportsTable[]> {
  return db.selectFrom('reports').selectAll().orderBy('received_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
