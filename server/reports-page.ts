import type { StoredReport } from './report-store';
import { escapeHtml, linkOrText } from './html';

/** `/`: the reports received, newest first, as plain HTML. */
export function reportsPage(reports: readonly StoredReport[], feedUrl: string): string {
  const rows = reports
    .map(
      (r) => `<tr data-report-id="${escapeHtml(r.id)}">
<td>${escapeHtml(r.received_at.replace('T', ' ').slice(0, 19))}</td>
<td>${escapeHtml(r.reporter.name || '—')}<br><small>${escapeHtml(r.reporter.id)}</small></td>
<td>${escapeHtml(r.reporter.unit)}</td>
<td>${escapeHtml(r.platform)}</td>
<td>${escapeHtml(r.status)} <small>(${escapeHtml(r.method)})</small></td>
<td>${linkOrText(r.item_url, r.item_id) || escapeHtml(r.item_id)}</td>
<td>${linkOrText(r.post_url) || '—'}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Siar — laporan diterima</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#16202c}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #d5dbe3;padding:.4rem .5rem;text-align:left;vertical-align:top}small{color:#4a5668}</style></head>
<body><h1>Siar — laporan diterima <small>/ reports received</small></h1>
<p>Feed demo / demo feed: <a href="${escapeHtml(feedUrl)}">${escapeHtml(feedUrl)}</a> ·
Laporan dikirim ke / reports go to <code>POST /api/v1/shares</code></p>
<p>${reports.length === 0 ? 'Belum ada laporan. / No reports yet.' : `${reports.length} laporan terbaru / latest reports`}</p>
<table><thead><tr><th>Diterima (UTC)</th><th>Pelapor</th><th>Unit</th><th>Platform</th><th>Status</th><th>Unggahan</th><th>Tautan</th></tr></thead>
<tbody>${rows}</tbody></table></body></html>`;
}
