import type { Caption } from '@/lib/captions/build-caption';
import { platformLabel } from '@/lib/share/platform-label';
import type { PlatformId } from '@/lib/share/platforms';
import { useI18n } from '../i18n';

interface Props {
  id: string;
  platforms: PlatformId[];
  platform: PlatformId;
  caption: Caption;
  onPlatform: (platform: PlatformId) => void;
  onNextVariant: () => void;
}

/** The caption for the chosen platform, its length against the limit, its hashtags. */
export function CaptionPreview({ id, platforms, platform, caption, onPlatform, onNextVariant }: Props) {
  const { t } = useI18n();
  const over = caption.limit !== null && caption.length > caption.limit;
  return (
    <div className="caption-preview">
      <div className="caption-toolbar">
        <label className="field-inline">
          <span>{t('captionForLabel')}</span>
          <select value={platform} onChange={(event) => onPlatform(event.target.value as PlatformId)}>
            {platforms.map((p) => (
              <option key={p} value={p}>
                {platformLabel(p, t)}
              </option>
            ))}
          </select>
        </label>
        {caption.limit !== null ? (
          <span className={`count${over ? ' count--over' : ''}`} aria-label={t('captionCountLabel', caption.length, caption.limit)}>
            {caption.length}/{caption.limit}
          </span>
        ) : null}
        {caption.variantCount > 1 ? (
          <button type="button" className="button button--small" onClick={onNextVariant}>
            {t('nextVariant', caption.variantIndex + 1, caption.variantCount)}
          </button>
        ) : null}
      </div>
      <p className="caption" id={id} aria-label={t('captionFor', platformLabel(platform, t))}>
        {caption.text}
      </p>
      {caption.shortened ? <p className="detail">{t('captionShortened')}</p> : null}
      {caption.droppedHashtags.length > 0 ? (
        <p className="detail">{t('captionDroppedHashtags', caption.droppedHashtags.map((tag) => `#${tag}`).join(' '))}</p>
      ) : null}
      {caption.hashtags.length > 0 ? (
        <ul className="chips" aria-label={t('hashtagsLabel')}>
          {caption.hashtags.map((tag) => (
            <li key={tag} className="chip">
              #{tag}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
