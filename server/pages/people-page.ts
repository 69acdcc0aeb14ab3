import { escapeHtml as e } from '../html';
import { enrollmentLink } from '../people-codes';
import type { IssuedCode, Person } from '../store/people';
import type { RowProblem } from '../store/people-csv';
import { both, csrfField, page, type PageUser } from './layout';

/** `/people`: who is registered, enrolled or revoked; import a CSV; revoke; a new code. */

export interface PeopleView {
  user: PageUser;
  csrf: string;
  origin: string;
  people: (Person & { revoked_at: string | null; enrolled: number; open_codes: number })[];
  problems?: RowProblem[];
  issued?: IssuedCode[];
  codesCsv?: string;
}

function issuedBlock(view: PeopleView): string {
  if (!view.issued || view.issued.length === 0) return '';
  const rows = view.issued
    .map((p) => `<tr><td>${e(p.nip)}</td><td>${e(p.name)}</td><td>${e(p.unit)}</td><td><code>${e(enrollmentLink(view.origin, p.code))}</code></td></tr>`)
    .join('');
  const download = view.codesCsv
    ? `<a class="button primary" download="siar-kode.csv" href="data:text/csv;base64,${Buffer.from(view.codesCsv).toString('base64')}">${both('Unduh CSV kode', 'Download the codes CSV')}</a>`
    : '';
  return `<section class="ok" role="status"><h2>${both(`${view.issued.length} kode dibuat`, `${view.issued.length} codes made`)}</h2>
<p>${both('Kirim setiap tautan ke pemiliknya. Kode hanya tampil sekali ini; berlaku 14 hari.', 'Send each link to its owner. The codes are shown this once; they last 14 days.')}</p>
${download}<table class="stack"><thead><tr><th>NIP</th><th>Nama</th><th>Unit</th><th>Tautan / link</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function problemsBlock(problems: RowProblem[] | undefined): string {
  if (!problems || problems.length === 0) return '';
  return `<section class="error" role="alert"><h2>${both('Tidak ada yang diimpor', 'Nothing was imported')}</h2>
<p>${both('Perbaiki baris berikut lalu impor lagi seluruh berkas.', 'Fix these lines, then import the whole file again.')}</p>
<ul>${problems.map((p) => `<li data-line="${p.line}" data-reason="${e(p.reason)}">${p.line > 0 ? `Baris / line ${p.line}: ` : ''}${e(p.detail)}</li>`).join('')}</ul></section>`;
}

export function peoplePage(view: PeopleView): string {
  const rows = view.people
    .map((p) => {
      const state = p.revoked_at ? both('dicabut', 'revoked') : p.enrolled > 0 ? both('terdaftar', 'enrolled') : p.open_codes > 0 ? both('menunggu kode', 'code sent') : both('tanpa kode', 'no code');
      const action = (path: string, label: string) =>
        `<form method="post" action="/people/${encodeURIComponent(p.nip)}/${path}" style="display:inline">${csrfField(view.csrf)}<button type="submit">${label}</button></form>`;
      return `<tr data-nip="${e(p.nip)}"><td>${e(p.nip)}</td><td>${e(p.name)}</td><td>${e(p.unit)}</td><td>${state}</td>
<td>${action('reissue', both('Kode baru', 'New code'))} ${p.revoked_at ? '' : action('revoke', both('Cabut', 'Revoke'))}</td></tr>`;
    })
    .join('\n');
  return page(
    'Siar Kantor — pegawai / people',
    `<h1>${both('Pegawai', 'People')}</h1>
${problemsBlock(view.problems)}${issuedBlock(view)}
<section><h2>${both('Impor CSV', 'Import a CSV')}</h2>
<p class="muted">${both('Kolom: nip,nama,unit[,surel]. Semua baris diimpor, atau tidak satu pun.', 'Columns: nip,name,unit[,email]. Every line is imported, or none.')}</p>
<form method="post" action="/people/import" enctype="multipart/form-data">${csrfField(view.csrf)}
<input type="file" name="file" accept=".csv,text/csv" required aria-label="CSV"> <button class="primary" type="submit">${both('Impor', 'Import')}</button></form></section>
<section><h2>${both(`${view.people.length} orang`, `${view.people.length} people`)}</h2>
${view.people.length === 0 ? `<p class="empty">${both('Belum ada.', 'None yet.')}</p>` : `<table class="stack"><thead><tr><th>NIP</th><th>Nama / name</th><th>Unit</th><th>Status</th><th></th></tr></thead><tbody>${rows}</tbody></table>`}</section>`,
    { user: view.user, csrf: view.csrf },
  );
}
