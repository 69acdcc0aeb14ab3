import { PLATFORM_NAMES, isPlatformId } from '../lib/share/platforms';
import type { DayReport } from './dashboard-data';
import { escapeHtml, linkOrText } from './html';

/** `/dashboard`: one day of shares for the office, plain HTML without scripts. */

const platformName = (id: string) => (isPlatformId(id) ? PLATFORM_NAMES[id] : id);
const e = escapeHtml;
const STATUS_ID: Record<string, string> = { published: 'Terbit', confirmed: 'Dikonfirmasi' };

function table(head: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${empty}</p>`;
  return `<table><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>${rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;
}

export function dashboardPage(day: DayReport, links: { previous: string; next: string; today: string; csv: string; isToday: boolean }): string {
  const none = 'Belum ada. <span lang="en">/ None yet.</span>';
  const items = table(
    ['Unggahan <small>/ post</small>', 'Bagikan <small>/ shares</small>', 'Pelapor <small>/ reporters</small>', 'Per platform'],
    day.byItem.map((item) => [
      linkOrText(item.item_url, item.item_id) || e(item.item_id),
      `<strong>${item.shares}</strong>`,
      String(item.reporters),
      Object.entries(item.platforms)
        .sort((a, b) => b[1] - a[1])
        .map(([platform, n]) => `${e(platformName(platform))} ${n}`)
        .join(' · '),
    ]),
    none,
  );
  const platforms = table(
    ['Platform', 'Bagikan <small>/ shares</small>'],
    day.byPlatform.map((row) => [e(platformName(row.platform)), `<strong>${row.shares}</strong>`]),
    none,
  );
  const units = table(
    ['Unit kerja <small>/ unit</small>', 'Bagikan <small>/ shares</small>', 'Pelapor <small>/ reporters</small>'],
    day.byUnit.map((row) => [e(row.unit || '—'), `<strong>${row.shares}</strong>`, String(row.reporters)]),
    none,
  );
  const list = table(
    ['Waktu <small>/ time</small>', 'Pelapor <small>/ reporter</small>', 'Unit', 'Unggahan <small>/ post</small>', 'Platform', 'Status', 'Tautan unggahan <small>/ post link</small>'],
    day.list.map((r) => [
      e(r.shared_at.slice(11, 16)) + `<small> ${e(r.shared_at.slice(19))}</small>`,
      `${e(r.reporter.name || '—')}<br><small>${e(r.reporter.id)}</small>`,
      e(r.reporter.unit),
      linkOrText(r.item_url, r.item_id) || e(r.item_id),
      e(platformName(r.platform)),
      `${STATUS_ID[r.status] ?? e(r.status)}<br><small>${e(r.status)} · ${e(r.method)}</small>`,
      linkOrText(r.post_url, 'buka') || '—',
    ]),
    none,
  );
  return `<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Siar — dasbor ${e(day.date)}</title>
<style>
body{font-family:system-ui,'Noto Sans',sans-serif;margin:0;color:#16202c;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:17px;margin:0 0 10px}
small,.muted{color:#4a5668}
nav{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:14px 0 18px}
nav a,button{font:inherit;color:#16202c;background:#fff;border:1px solid #c9d1dc;border-radius:8px;padding:6px 12px;text-decoration:none;cursor:pointer}
nav a.primary{background:#b3261e;border-color:#b3261e;color:#fff;font-weight:600}
input{font:inherit;padding:5px 8px;border:1px solid #c9d1dc;border-radius:6px}
.totals{display:flex;gap:14px;flex-wrap:wrap;margin-bottom:18px}
.total{background:#fff;border:1px solid #d5dbe3;border-radius:10px;padding:12px 18px;min-width:150px}
.total strong{display:block;font-size:28px}
.grid{display:grid;grid-template-columns:2fr 1fr;gap:16px;align-items:start}
section{background:#fff;border:1px solid #d5dbe3;border-radius:10px;padding:14px 16px;margin-bottom:16px;overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #e3e7ed;padding:.4rem .5rem;text-align:left;vertical-align:top}
th{font-size:13px;color:#4a5668}a{color:#0f4c81}.empty{color:#4a5668}
@media (max-width:800px){.grid{grid-template-columns:1fr}}
</style></head>
<body><main>
<h1>Dasbor laporan Siar <small>/ Siar report dashboard</small></h1>
<p class="muted">Bagikan pada ${e(day.date)}${links.isToday ? ' (hari ini / today)' : ''}, menurut tanggal di zona waktu unggahan
<span lang="en">/ shares on that date, in each post's time zone</span></p>
<nav aria-label="Tanggal / date">
<a href="${e(links.previous)}">← Sebelumnya</a>
<form method="get" action="/dashboard"><label>Tanggal / date <input type="date" name="date" value="${e(day.date)}"></label> <button type="submit">Tampilkan / show</button></form>
<a href="${e(links.next)}">Berikutnya →</a>
<a href="${e(links.today)}">Hari ini / today</a>
<a class="primary" href="${e(links.csv)}" download>Ekspor CSV</a>
</nav>
<div class="totals">
<div class="total"><strong data-total="shares">${day.shares}</strong>bagikan <small>/ shares</small></div>
<div class="total"><strong data-total="reporters">${day.reporters}</strong>pelapor <small>/ reporters</small></div>
<div class="total"><strong data-total="items">${day.byItem.length}</strong>unggahan <small>/ posts</small></div>
</div>
<div class="grid">
<section><h2>Per unggahan <small>/ per post</small></h2>${items}</section>
<div>
<section><h2>Per platform</h2>${platforms}</section>
<section><h2>Per unit kerja <small>/ per unit</small></h2>${units}</section>
</div>
</div>
<section><h2>Semua bagikan <small>/ every share</small></h2>${list}</section>
<p class="muted"><a href="/">Laporan terbaru / latest reports</a></p>
</main></body></html>`;
}
