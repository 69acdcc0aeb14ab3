import { escapeHtml as e } from '../html';
import { translator } from '../i18n/messages';
import { page, type Frame } from './layout';

/**
 * `/daftar`: where an enrollment link lands. The code is in the fragment (`#…`), which a
 * browser never sends, so this page never sees it: it only tells the person what to do.
 */
export function enrollPage(frame: Frame, origin: string): string {
  const t = translator(frame.lang);
  return page(
    t('enroll.title'),
    `<div class="card narrow">
<h1>${e(t('enroll.heading'))}</h1>
<p>${e(t('enroll.intro'))}</p>
<ol><li>${e(t('enroll.step1'))}</li>
<li>${e(t('enroll.step2'))}</li>
<li>${e(t('enroll.step3'))}</li></ol>
<p class="muted">${e(t('enroll.once'))}</p>
<p class="muted"><small>${e(origin)}</small></p></div>`,
    frame,
  );
}
