import type { FastifyRequest } from 'fastify';
import type { Language } from '../../lib/i18n';
import { escapeHtml as e } from '../html';
import { LANGUAGES, translator } from '../i18n/messages';
import { requestLanguage } from '../i18n/request-language';

/**
 * The frame of Siar Kantor's few pages, in the reader's language (Bahasa Indonesia by
 * default, English by the header's switch or the browser's language; server/i18n/).
 * No scripts; forms carry a CSRF token.
 */

export interface PageUser {
  name: string;
  role: string;
}

export const STYLE = `
body{font-family:system-ui,'Noto Sans',sans-serif;margin:0;color:#16202c;background:#f6f7f9}
header.top{display:flex;gap:16px;align-items:center;flex-wrap:wrap;background:#fff;border-bottom:1px solid #d5dbe3;padding:10px 20px}
header.top strong{font-size:17px;margin-right:8px}header.top a{color:#0f4c81;text-decoration:none}
header.top form{margin-left:auto}.lang-switch{margin:0 0 0 auto;gap:6px;font-size:14px}.lang-switch a{border:0;padding:0;background:none;color:#0f4c81;text-decoration:underline}header.top .lang-switch+form{margin-left:0}
main{max-width:1100px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:17px;margin:0 0 10px}
small,.muted{color:#4a5668}
nav{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:14px 0 18px}
nav a,button,.button{font:inherit;color:#16202c;background:#fff;border:1px solid #c9d1dc;border-radius:8px;padding:6px 12px;text-decoration:none;cursor:pointer}
.primary,nav a.primary{background:#b3261e;border-color:#b3261e;color:#fff;font-weight:600}
input,select{font:inherit;padding:5px 8px;border:1px solid #c9d1dc;border-radius:6px}
label{display:block;margin:10px 0 4px}
nav form{display:flex;gap:6px;align-items:center;margin:0}nav label{display:inline;margin:0}
.primary small,.ok small,.error small{color:inherit;opacity:.85}
.totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:14px;margin-bottom:18px}
.total{background:#fff;border:1px solid #d5dbe3;border-radius:10px;padding:12px 18px}
.total strong{display:block;font-size:28px}
.grid{display:grid;grid-template-columns:2fr 1fr;gap:16px;align-items:start}
section,.card{background:#fff;border:1px solid #d5dbe3;border-radius:10px;padding:14px 16px;margin-bottom:16px;overflow-x:auto}
.card.narrow{max-width:420px;margin:40px auto}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #e3e7ed;padding:.4rem .5rem;text-align:left;vertical-align:top}
td code,td a{overflow-wrap:anywhere}
th{font-size:13px;color:#4a5668}a{color:#0f4c81}.empty{color:#4a5668}
.error{color:#8e1b16;background:#fdecea;border:1px solid #f3b8b2;border-radius:8px;padding:8px 12px}
.ok{color:#1d5c3a;background:#e8f5ec;border:1px solid #b5dcc2;border-radius:8px;padding:8px 12px}
.badge{font-size:12px;border-radius:6px;padding:1px 6px;background:#fdf0d5;color:#6b4c00}
code{background:#eef1f5;padding:1px 4px;border-radius:4px}
@media (max-width:800px){.grid{grid-template-columns:1fr}}
input[type=file]{max-width:100%;box-sizing:border-box}
@media (max-width:600px){
header.top{gap:4px 14px;padding:8px 12px}
main{padding:16px 12px 40px}
section,.card{padding:12px}.card.narrow{margin:16px auto}
th,td{padding:.35rem .25rem;overflow-wrap:anywhere}
/* table.stack: one card per row on a phone; its header stays for screen readers */
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
table.stack,table.stack tbody{display:block}
table.stack tr{display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 12px;padding:8px 0;border-bottom:1px solid #e3e7ed}table.stack tr:last-child{border-bottom:0}
table.stack td{display:block;border:0;padding:0;overflow-wrap:anywhere}
table.stack td:first-child{flex-basis:100%;font-weight:600}
table.stack td:empty,table.stack code:empty,table.stack td br{display:none}table.stack td br+small{margin-left:8px}}`;

export function csrfField(token: string): string {
  return `<input type="hidden" name="_csrf" value="${e(token)}">`;
}

/** What every page is drawn in: the reader's language, the page's own address (for the switch), and who is signed in. */
export interface Frame {
  lang: Language;
  /** Where the language switch comes back to: a GET-able path of this page. */
  path: string;
  user?: PageUser | null;
  csrf?: string;
}

/** The language of the request, and the page the switch returns to (a form's answer returns to the form's page). */
export function frameOf(request: Pick<FastifyRequest, 'headers' | 'method' | 'url'>, extra: { user?: PageUser | null; csrf?: string } = {}): Frame {
  const path =
    request.method === 'GET'
      ? request.url
      : request.url
          .replace(/^\/account\/password$/, '/account')
          .replace(/^(\/posts\/[^/?]+)\/(submit|approve|return|withdraw)$/, '$1')
          .replace(/^\/people\/.*$/, '/people');
  return { lang: requestLanguage(request), path, ...extra };
}

/** "Bahasa Indonesia · English": the current one named, the other a plain link (works without script; GET /lang/:lang only sets a preference cookie). */
function languageSwitch(frame: Frame): string {
  const t = translator(frame.lang);
  const names: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' };
  const links = LANGUAGES.map((lang) =>
    lang === frame.lang
      ? `<strong lang="${lang}" aria-current="true">${names[lang]}</strong>`
      : `<a href="/lang/${lang}?next=${encodeURIComponent(frame.path)}" hreflang="${lang}" lang="${lang}" data-lang-switch="${lang}">${names[lang]}</a>`,
  );
  return `<nav class="lang-switch" aria-label="${e(t('frame.language'))}">${links.join(' · ')}</nav>`;
}

export function page(title: string, body: string, frame: Frame): string {
  const user = frame.user;
  const t = translator(frame.lang);
  const header = user
    ? `<header class="top"><strong>Siar Kantor</strong>
<a href="/dashboard">${e(t('frame.dashboard'))}</a> <a href="/posts">${e(t('frame.posts'))}</a>${user.role === 'admin' ? ` <a href="/audit">${e(t('frame.audit'))}</a>` : ''}${user.role === 'admin' ? ` <a href="/people">${e(t('frame.people'))}</a>` : ''}
<a href="/account">${e(t('frame.account'))}</a>
<span class="muted">${e(user.name)} (${e(user.role)})</span>
${languageSwitch(frame)}
${frame.csrf ? `<form method="post" action="/logout">${csrfField(frame.csrf)}<button type="submit">${e(t('frame.signOut'))}</button></form>` : ''}</header>`
    : `<header class="top"><strong>Siar Kantor</strong>
${languageSwitch(frame)}</header>`;
  return `<!doctype html><html lang="${frame.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title>
<style>${STYLE}</style></head><body>${header}<main>${body}</main></body></html>`;
}

/** A page that says one thing, in the reader's language. */
export function messagePage(frame: Frame, text: string): string {
  return page('Siar Kantor', `<div class="card narrow"><p role="alert">${e(text)}</p><p><a href="/dashboard">${e(translator(frame.lang)('frame.back'))}</a></p></div>`, frame);
}
