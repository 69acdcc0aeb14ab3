import type { Kysely } from 'kysely';
import type { Database, ReportsTable } from './db/schema';
import { escapeHtml, linkOrText } from './html';
import { translator } from './i18n/messages';
import { page, type Frame } from './pages/layout';

/** `/`: the reports received, newest first. */
export function reportsPage(reports: readonly ReportsTable[], feedUrl: string, frame: Frame): string {
  const t = translator(frame.lang);
  const rows = reports
    .map(
      (r) => `<tr data-report-id="${escapeHtml(r.id)}">
<td>${escapeHtml(r.received_at.replace('T', ' ').slice(0, 19))}</td>
<td>${escapeHtml(r.reporter_name || '—')}<br><small>${escapeHtml(r.reporter_id)}</small>${r.verified ? '' : ` <span class="badge">${escapeHtml(t('word.unverified'))}</span>`}</td>
<td>${escapeHtml(r.reporter_unit)}</td>
<td>${escapeHtml(r.platform)}</td>
<td>${escapeHtml(r.status)} <small>(${escapeHtml(r.method)})</small></td>
<td>${linkOrText(r.item_url, r.item_id) || escapeHtml(r.item_id)}</td>
<td>${linkOrText(r.post_url) || '—'}</td></tr>`,
    )
    .join('\n');
  return page(
    t('reports.title'),
    `<h1>${escapeHtml(t('reports.title'))}</h1>
<p>Feed: <a href="${escapeHtml(feedUrl)}">${escapeHtml(feedUrl)}</a> ·
${escapeHtml(t('reports.goTo'))} <code>POST /api/v1/shares</code> · <a href="/dashboard">${escapeHtml(t('frame.dashboard'))}</a></p>
<p>${escapeHtml(reports.length === 0 ? t('reports.none') : t('reports.latest', { n: reports.length }))}</p>
<section><table class="stack"><thead><tr><th>${escapeHtml(t('reports.received'))}</th><th>${escapeHtml(t('reports.reporter'))}</th><th>${escapeHtml(t('word.unit'))}</th><th>${escapeHtml(t('word.platform'))}</th><th>${escapeHtml(t('word.status'))}</th><th>${escapeHtml(t('reports.item'))}</th><th>${escapeHtml(t('reports.link'))}</th></tr></thead>
<tbody>${rows}</tbody></table></section>`,
    frame,
  );
}

/** The latest reports received, by the index on received_at. */
export async function recentReports(db: Kysely<Database>, limit: number): Promise<ReportsTable[]> {
  return db.selectFrom('reports').selectAll().orderBy('received_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
