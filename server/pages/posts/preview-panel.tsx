import type { PostPreview } from '../../posts/post-preview';
import { Problems, useLanguage } from './bits';

/**
 * The post's preview per platform and what it warns about. Rendered by the server
 * ("Simpan & pratinjau", no script needed) and again in the browser by the page's
 * live script (live-preview.client.tsx) as the editor types: the same components
 * over the same `previewFormValues`, so both show the extension's own captions.
 */

/** Where the page loads its live script from (same origin: the CSP allows `script-src 'self'` only). */
export const LIVE_PREVIEW_SCRIPT = '/assets/post-preview.js';

export function PreviewProblems({ preview }: { preview: PostPreview }) {
  return (
    <>
      <Problems problems={preview.blocking} kind="error" title="preview.blocking" />
      <Problems problems={preview.warnings} kind="warn" title="preview.warnings" />
    </>
  );
}

export function PreviewPanel({ preview }: { preview: PostPreview }) {
  const { t } = useLanguage();
  return (
    <section aria-labelledby="preview-title" data-preview>
      <h2 id="preview-title">{t('preview.title')}</h2>
      {preview.platforms.map((platform) => (
        <div key={platform.platform} data-preview-platform={platform.platform}>
          <h3>{platform.name}</h3>
          {platform.variants.map((variant, i) => {
            const over = platform.limit !== null && variant.writtenLength > platform.limit;
            return (
              <div key={i}>
                <div className="preview-caption">{variant.text}</div>
                <span className={over ? 'count over' : 'count'} data-count={variant.length}>
                  {platform.variants.length > 1 ? `${t('preview.variant', { n: i + 1 })} · ` : ''}
                  {platform.limit !== null ? `${variant.writtenLength} / ${platform.limit}` : `${variant.length}`}
                  {variant.shortened ? ` · ${t('preview.shortened')}` : ''}
                </span>
              </div>
            );
          })}
        </div>
      ))}
    </section>
  );
}
