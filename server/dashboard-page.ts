import { PLATFORM_NAMES, isPlatformId } from '../lib/share/platforms';
import type { DayReport } from './dashboard-data';
import { escapeHtml, linkOrText } from './html';
import { page, type PageUser } from './pages/layout';

/** `/dashboard`: one day of shares for the office, plain HTML without scripts. */

const UNVERIFIED = '<span class="badge" title="Dilaporkan dengan token bersama lama: pelapor tidak diperiksa / sent with the legacy shared token: the reporter was not checked">belum terverifikasi / unverified</span>';

const platformName = (id: string) => (isPlatformId(id) ? PLATFORM_NAMES[id] : id);
const e = escapeHtml;
const STATUS_ID: Record<string, string> = { published: 'Terbit', confirmed: 'Dikonfirmasi' };

function table(head: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${empty}</p>`;
  return `<table><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>${rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;
}

export function dashboardPage(
  day: DayReport,
  links: { previous: string; next: string; today: string; csv: string; isToday: boolean },
  frame: { user: PageUser; csrf: string },
  /** The site check's block (server/site-health), empty while every site works. */
  siteHealth = '',
): string {
  const none = 'Belum ada. <span lang="en">/ None yet.</span>';
  const items = table(
    ['Unggahan <small>/ post</small>', 'Bagikan <small>/ shares</small>', 'Pelapor <small>/ reporters</small>', 'Per platform'],
    day.byItem.map((item) => [
      `${item.title ? `${linkOrText(item.item_url, item.title) || e(item.title)}<br><small>${e(item.item_id)}</small>` : linkOrText(item.item_url, item.item_id) || e(item.item_id)}`,
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
      `${e(r.reporter_name || '—')}<br><small>${e(r.reporter_id)}</small>${r.verified ? '' : ` ${UNVERIFIED}`}`,
      e(r.reporter_unit),
      linkOrText(r.item_url, r.item_id) || e(r.item_id),
      e(platformName(r.platform)),
      `${STATUS_ID[r.status] ?? e(r.status)}<br><small>${e(r.status)} · ${e(r.method)}</small>`,
      linkOrText(r.post_url, 'buka') || '—',
    ]),
    none,
  );
  return page(
    `Siar — dasbor ${day.date}`,
    `<h1>Dasbor laporan Siar <small>/ Siar report dashboard</small></h1>
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
<div class="total"><strong data-total="unverified">${day.unverified}</strong>belum terverifikasi <small>/ unverified</small></div>
<div class="total"><strong data-total="items">${day.byItem.length}</strong>unggahan <small>/ posts</small></div>
</div>
${siteHealth}
<div class="grid">
<section><h2>Per unggahan <small>/ per post</small></h2>${items}</section>
<div>
<section><h2>Per platform</h2>${platforms}</section>
<section><h2>Per unit kerja <small>/ per unit</small></h2>${units}</section>
</div>
</div>
<section><h2>${day.list.length < day.shares ? `${day.list.length} bagikan terbaru dari ${day.shares} <small>/ the latest ${day.list.length} of ${day.shares} shares; all of them in the CSV</small>` : 'Semua bagikan <small>/ every share</small>'}</h2>${list}</section>
<p class="muted"><a href="/">Laporan terbaru / latest reports</a></p>`,
    frame,
  );
}
