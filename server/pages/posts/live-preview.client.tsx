import { createRoot, type Root } from 'react-dom/client';
import { isOfficeZone } from '../../posts/office-zone';
import { formValues } from '../../posts/post-form';
import { previewFormValues } from '../../posts/post-preview';
import { previewContextAt } from '../../posts/preview-context';
import { isLanguage } from '../../i18n/messages';
import { InLanguage } from './bits';
import { PreviewPanel, PreviewProblems } from './preview-panel';

/**
 * The post form's live preview, in the browser (bundled by server/plugins/live-preview.ts):
 * as the editor types, the same `previewFormValues` and the same components as the
 * server's "Simpan & pratinjau" render the captions, counts and warnings again. Until
 * the first keystroke the server's own rendering stays; without this script the page
 * works the same, one save at a time.
 */

const form = document.querySelector<HTMLFormElement>('form[data-post-form]');
const panel = document.querySelector<HTMLElement>('[data-preview-live]');
const problems = document.querySelector<HTMLElement>('[data-preview-problems]');

if (form && panel && problems) {
  const zone = form.dataset.zone ?? '';
  const context = previewContextAt(zone, form.dataset.origin ?? location.origin);
  // The page's own language (`<html lang>`, chosen by the server per request).
  const lang = isLanguage(document.documentElement.lang) ? document.documentElement.lang : 'id';
  let roots: { panel: Root; problems: Root } | null = null;

  const update = () => {
    if (!isOfficeZone(zone)) return;
    const values = formValues(Object.fromEntries(new FormData(form)));
    // Half-typed input (a link being written) keeps the last preview rather than blanking it.
    const preview = previewFormValues(values, zone, context);
    if (!preview) return;
    roots ??= { panel: createRoot(panel), problems: createRoot(problems) };
    roots.panel.render(
      <InLanguage lang={lang}>
        <PreviewPanel preview={preview} />
      </InLanguage>,
    );
    roots.problems.render(
      <InLanguage lang={lang}>
        <PreviewProblems preview={preview} />
      </InLanguage>,
    );
    panel.dataset.previewLive = 'updated';
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
}
