import { useState } from 'react';
import { captionForShown } from '@/lib/captions/build-caption';
import type { ShownItem } from '@/lib/feed/today';
import { messenger, type ShareResult } from '@/lib/messaging';
import { canOpen } from '@/lib/share/share-routes';
import { PLATFORM_IDS, PLATFORM_NAMES, type PlatformId } from '@/lib/share/platforms';
import { useI18n } from '../i18n';
import { ItemContent } from './ItemContent';

interface Props {
  shown: ShownItem;
  reporterId: string;
  sharedOn: PlatformId[];
}

type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function allowedPlatforms(shown: ShownItem): PlatformId[] {
  return shown.item.platforms ?? [...PLATFORM_IDS];
}

/** One of today's posts: PROTOCOL §5's data-siar-item and its controls. */
export function ItemCard({ shown, reporterId, sharedOn }: Props) {
  const { t } = useI18n();
  const { item } = shown;
  const platforms = allowedPlatforms(shown);
  const [platform, setPlatform] = useState<PlatformId>(platforms.includes('x') ? 'x' : (platforms[0] ?? 'other'));
  const [postUrl, setPostUrl] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const caption = captionForShown(shown, platform, { reporterId });
  const ref = { feedUrl: shown.subscription.url, itemId: item.id };
  const sharePlatforms = platforms.filter((p) => p === 'x' && canOpen(p));

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(caption);
      setNotice({ kind: 'ok', text: t('copied') });
    } catch {
      setNotice({ kind: 'error', text: t('copyFailed') });
    }
  };

  const confirm = async (on: PlatformId) => {
    let result: ShareResult;
    try {
      result = await messenger.sendMessage('popupConfirmShare', { ...ref, platform: on, postUrl: postUrl.trim() || null });
    } catch {
      setNotice({ kind: 'error', text: t('shareError_failed') });
      return;
    }
    if (result.ok) {
      setPostUrl('');
      setNotice({ kind: 'ok', text: t('shareRecorded') });
    } else setNotice({ kind: 'error', text: t(`shareError_${result.error}`) });
  };

  const captionId = `caption-${encodeURIComponent(shown.subscription.url + item.id)}`;
  return (
    <article className="item" data-siar-item={item.id} aria-labelledby={`${captionId}-title`}>
      {item.image ? <img className="item-image" src={item.image} alt={t('imageAlt', item.title)} loading="lazy" /> : null}
      <div className="item-body">
        <h2 className="item-title" id={`${captionId}-title`} data-siar-title="">
          {item.title}
        </h2>
        <p className="item-meta">
          {t('feedSource', shown.feed.publisher || shown.subscription.name || shown.feed.title)}
          {item.campaign ? ` · ${item.campaign}` : ''}
        </p>
        {item.contentHtml ? <ItemContent html={item.contentHtml} baseUrl={shown.subscription.url} /> : null}
        {sharedOn.length > 0 ? (
          <p className="item-shared">{t('sharedOn', sharedOn.map((p) => PLATFORM_NAMES[p]).join(', '))}</p>
        ) : null}

        <label className="field-inline">
          <span>{t('platformLabel')}</span>
          <select value={platform} onChange={(event) => setPlatform(event.target.value as PlatformId)}>
            {platforms.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_NAMES[p]}
              </option>
            ))}
          </select>
        </label>
        <p className="caption" id={captionId} aria-label={t('captionFor', PLATFORM_NAMES[platform])}>
          {caption}
        </p>

        <div className="actions">
          {sharePlatforms.map((p) => (
            <button
              key={p}
              type="button"
              className="button button--primary"
              data-siar-share={p}
              onClick={() => void messenger.sendMessage('popupOpenShare', { ...ref, platform: p, variantOffset: 0 })}
            >
              {t('share', PLATFORM_NAMES[p])}
            </button>
          ))}
          <button type="button" className="button" data-siar-copy="" onClick={() => void copy()}>
            {t('copyCaption')}
          </button>
        </div>

        <details className="confirm">
          <summary>{t('iShared')}</summary>
          <label className="field">
            <span>{t('postLinkLabel')}</span>
            <input type="url" inputMode="url" placeholder="https://" value={postUrl} onChange={(event) => setPostUrl(event.target.value)} />
          </label>
          <p className="confirm-prompt">{t('sharedOnPrompt')}</p>
          <div className="confirm-platforms">
            {platforms.map((p) => (
              <button key={p} type="button" className="button button--small" data-siar-confirm={p} onClick={() => void confirm(p)}>
                {PLATFORM_NAMES[p]}
              </button>
            ))}
          </div>
        </details>
        {notice ? (
          <p className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            {notice.text}
          </p>
        ) : null}
      </div>
    </article>
  );
}
