import { createContext, useContext, type ReactNode } from 'react';
import type { Language } from '../../../lib/i18n';
import { translator, type PlainKey, type T } from '../../i18n/messages';
import type { Problem } from '../../problems';

/** Small pieces of Siar Kantor's React pages, which speak the reader's language (server/i18n/). */

const LanguageContext = createContext<Language>('id');

export function InLanguage({ lang, children }: { lang: Language; children?: ReactNode }) {
  return <LanguageContext.Provider value={lang}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): { lang: Language; t: T } {
  const lang = useContext(LanguageContext);
  return { lang, t: translator(lang) };
}

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** Problems or warnings, each sentence in the reader's language, tied to its field. */
export function Problems({ problems, kind, title }: { problems: readonly Problem[]; kind: 'error' | 'warn'; title: PlainKey }) {
  const { lang, t } = useLanguage();
  if (problems.length === 0) return null;
  return (
    <section className={kind === 'error' ? 'error' : 'warn'} role={kind === 'error' ? 'alert' : 'status'} data-problems={kind}>
      <h2>{t(title)}</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={i} data-code={p.code} data-field={p.field ?? ''}>
            {p[lang]}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Styles of the posts and summary pages, on top of the layout's; the extension's colours (assets/base.css). */
export const POST_STYLE = `
.primary small,.primary .muted{color:inherit}
.warn{color:#6b3d00;background:#fff4e0;border:1px solid #f0c98a;border-radius:8px;padding:8px 12px;margin-bottom:16px}
.error{margin-bottom:16px}
.status{display:inline-block;font-size:12px;border-radius:6px;padding:1px 7px;background:#eef1f5;color:#16202c}
.status-submitted{background:#fff4e0;color:#6b3d00}.status-approved{background:#e8f5ec;color:#1d5c3a}
.status-returned{background:#fdecea;color:#8e1b16}.status-withdrawn{background:#eef1f5;color:#4a5668}
.editor{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px;align-items:start}
.editor input[type=text],.editor input[type=url],.editor input[type=datetime-local],.editor textarea,.editor input[type=number]{width:100%;box-sizing:border-box}
textarea{font:inherit;padding:6px 8px;border:1px solid #c9d1dc;border-radius:6px;min-height:64px}
fieldset{border:1px solid #e3e7ed;border-radius:8px;margin:12px 0;padding:8px 12px}
legend{font-weight:600}
.platforms{display:flex;flex-wrap:wrap;gap:4px 14px}.platforms label{display:inline-flex;gap:4px;margin:2px 0;padding:4px 0}
summary{cursor:pointer;padding:4px 0}
.preview-caption{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f7f9;border:1px solid #e3e7ed;border-radius:8px;padding:8px 10px;margin:4px 0}
.count{font-size:12px;color:#4a5668}.count.over{color:#8e1b16;font-weight:600}
.actions{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-end;margin:12px 0}
.actions form{display:flex;gap:6px;align-items:flex-end;flex-wrap:wrap}
.row{display:grid;grid-template-columns:1fr 1fr;gap:10px}
.bar{height:10px;background:#e3e7ed;border-radius:5px;min-width:80px}.bar span{display:block;height:10px;border-radius:5px;background:#b3261e}
.chart{margin:0 0 16px;padding:12px 14px 8px;border:1px solid #d5dbe3;border-radius:10px;background:#fff}
.chart figcaption{font-weight:600;margin-bottom:6px}.chart svg{display:block;width:100%;height:auto}
.chart-axis{stroke:#d5dbe3}.chart-bar{fill:#4a5668;opacity:.55}.chart-bar--today{fill:#b3261e;opacity:1}
.chart-count,.chart-label{fill:#4a5668;font-size:11px}
@media (max-width:800px){.editor,.row{grid-template-columns:1fr}}
@media (max-width:600px){.bar{min-width:48px}.actions label{margin:0}fieldset{padding:6px 8px;min-width:0}}`;
