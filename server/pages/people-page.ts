import { escapeHtml as e } from '../html';
import { enrollmentLink } from '../people-codes';
import type { IssuedCode, Person } from '../store/people';
import type { RowProblem } from '../store/people-csv';
import { translator, type T } from '../i18n/messages';
import { csrfField, page, type Frame } from './layout';

/** `/people`: who is registered, enrolled or revoked; import a CSV; revoke; a new code. */

export interface PeopleView {
  frame: Frame;
  origin: string;
  people: (Person & { revoked_at: string | null; enrolled: number; open_codes: number })[];
  problems?: RowProblem[];
  issued?: IssuedCode[];
  codesCsv?: string;
}

function issuedBlock(view: PeopleView, t: T): string {
  if (!view.issued || view.issued.length === 0) return '';
  const rows = view.issued
    .map((p) => `<tr><td>${e(p.nip)}</td><td>${e(p.name)}</td><td>${e(p.unit)}</td><td><code>${e(enrollmentLink(view.origin, p.code))}</code></td></tr>`)
    .join('');
  const download = view.codesCsv
    ? `<a class="button primary" download="siar-kode.csv" href="data:text/csv;base64,${Buffer.from(view.codesCsv).toString('base64')}">${e(t('people.downloadCodes'))}</a>`
    : '';
  return `<section class="ok" role="status"><h2>${e(t('people.codesMade', { n: view.issued.length }))}</h2>
<p>${e(t('people.sendLinks'))}</p>
${download}<table class="stack"><thead><tr><th>NIP</th><th>${e(t('word.name'))}</th><th>${e(t('word.unit'))}</th><th>${e(t('people.link'))}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function problemsBlock(problems: RowProblem[] | undefined, t: T): string {
  if (!problems || problems.length === 0) return '';
  const said = (p: RowProblem) => t(`csv.${p.reason}`) + (p.extra ? `: ${p.extra}` : '');
  return `<section class="error" role="alert"><h2>${e(t('people.nothingImported'))}</h2>
<p>${e(t('people.fixLines'))}</p>
<ul>${problems.map((p) => `<li data-line="${p.line}" data-reason="${e(p.reason)}">${p.line > 0 ? `${e(t('people.line', { line: p.line }))}: ` : ''}${e(said(p))}</li>`).join('')}</ul></section>`;
}

export function peoplePage(view: PeopleView): string {
  const t = translator(view.frame.lang);
  const csrf = view.frame.csrf ?? '';
  const rows = view.people
    .map((p) => {
      const state = e(t(p.revoked_at ? 'people.revoked' : p.enrolled > 0 ? 'people.enrolled' : p.open_codes > 0 ? 'people.codeSent' : 'people.noCode'));
      const action = (path: string, label: string) =>
        `<form method="post" action="/people/${encodeURIComponent(p.nip)}/${path}" style="display:inline">${csrfField(csrf)}<button type="submit">${label}</button></form>`;
      return `<tr data-nip="${e(p.nip)}"><td>${e(p.nip)}</td><td>${e(p.name)}</td><td>${e(p.unit)}</td><td>${state}</td>
<td>${action('reissue', e(t('people.newCode')))} ${p.revoked_at ? '' : action('revoke', e(t('people.revoke')))}</td></tr>`;
    })
    .join('\n');
  return page(
    t('people.title'),
    `<h1>${e(t('frame.people'))}</h1>
${problemsBlock(view.problems, t)}${issuedBlock(view, t)}
<section><h2>${e(t('people.import'))}</h2>
<p class="muted">${e(t('people.columns'))}</p>
<form method="post" action="/people/import" enctype="multipart/form-data">${csrfField(csrf)}
<input type="file" name="file" accept=".csv,text/csv" required aria-label="CSV"> <button class="primary" type="submit">${e(t('people.importButton'))}</button></form></section>
<section><h2>${e(t('people.count', { n: view.people.length }))}</h2>
${view.people.length === 0 ? `<p class="empty">${e(t('word.noneYet'))}</p>` : `<table class="stack"><thead><tr><th>NIP</th><th>${e(t('word.name'))}</th><th>${e(t('word.unit'))}</th><th>${e(t('word.status'))}</th><th></th></tr></thead><tbody>${rows}</tbody></table>`}</section>`,
    view.frame,
  );
}
