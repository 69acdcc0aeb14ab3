import { useState } from 'react';
import { captionForShown } from '@/lib/captions/build-caption';
import { allowsPlatform, type ShownItem } from '@/lib/feed/today';
import { messenger, type ShareResult } from '@/lib/messaging';
import { canOpen, shareRoute } from '@/lib/share/share-routes';
import { platformLabel } from '@/lib/share/platform-label';
import { PLATFORM_IDS, type PlatformId } from '@/lib/share/platforms';
import { useI18n } from '../i18n';
import { CaptionPreview } from './CaptionPreview';
import { ConfirmShare } from './ConfirmShare';
import { ItemContent } from './ItemContent';
import { ItemImage } from './ItemImage';
import { ShareButtons } from './ShareButtons';

interface Props {
  shown: ShownItem;
  reporterId: string;
  sharedOn: PlatformId[];
  enabledPlatforms: PlatformId[] | null;
  mastodonInstance: string | null;
}

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** The platforms an item may go to (docs/protocol.md §2.2) that the user posts to. */
export function itemPlatforms(shown: ShownItem, enabled: PlatformId[] | null): PlatformId[] {
  return PLATFORM_IDS.filter((p) => allowsPlatform(shown.item, p) && (!enabled || enabled.includes(p)));
}

/** One of today's posts: docs/protocol.md §5's data-siar-item and its controls. */
export function ItemCard({ shown, reporterId, sharedOn, enabledPlatforms, mastodonInstance }: Props) {
  const { t } = useI18n();
  const { item } = shown;
  const platforms = itemPlatforms(shown, enabledPlatforms);
  const [platform, setPlatform] = useState<PlatformId>(platforms.includes('x') ? 'x' : (platforms[0] ?? 'other'));
  const [variantOffset, setVariantOffset] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
  const caption = captionForShown(shown, platform, { reporterId, variantOffset });
  const ref = { feedUrl: shown.subscription.url, itemId: item.id };
  const openable = platforms.filter((p) => canOpen(p, mastodonInstance));
  const baseId = `item-${encodeURIComponent(shown.subscription.url + item.id).replace(/%/g, '')}`;

  const copy = async (text: string): Promise<boolean> => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  };

  const share = async (p: PlatformId) => {
    setPlatform(p);
    const text = captionForShown(shown, p, { reporterId, variantOffset }).text;
    const composer = shareRoute(p, { text, itemUrl: item.url, mastodonInstance }).kind === 'composer';
    // Facebook and Instagram take no prefilled text: the caption waits on the clipboard too.
    const copied = composer ? await copy(text) : false;
    const result = await messenger.sendMessage('popupOpenShare', { ...ref, platform: p, variantOffset }).catch(() => ({ ok: false }));
    if (!result.ok) setNotice({ kind: 'error', text: t('shareOpenFailed', platformLabel(p, t)) });
    else if (composer) setNotice({ kind: 'ok', text: t(copied ? 'composerQueuedCopied' : 'composerQueued', platformLabel(p, t)) });
    else setNotice(null);
  };

  const confirm = async (on: PlatformId, postUrl: string): Promise<boolean> => {
    let result: ShareResult;
    try {
      result = await messenger.sendMessage('popupConfirmShare', { ...ref, platform: on, postUrl: postUrl.trim() || null });
    } catch {
      setNotice({ kind: 'error', text: t('shareError_failed') });
      return false;
    }
    setNotice(result.ok ? { kind: 'ok', text: t('shareRecorded') } : { kind: 'error', text: t(`shareError_${result.error}`) });
    return result.ok;
  };

  return (
    <article className={`item${sharedOn.length > 0 ? ' item--shared' : ''}`} data-siar-item={item.id} aria-labelledby={`${baseId}-title`}>
      {item.image ? <ItemImage src={item.image} title={item.title} fileStem={item.id} /> : null}
      <div className="item-body">
        <h2 className="item-title" id={`${baseId}-title`} data-siar-title="">
          {item.title}
        </h2>
        <p className="item-meta">
          {t('feedSource', shown.feed.publisher || shown.subscription.name || shown.feed.title)}
          {item.campaign ? ` · ${item.campaign}` : ''}
        </p>
        {item.contentHtml ? <ItemContent html={item.contentHtml} baseUrl={shown.subscription.url} /> : null}
        {sharedOn.length > 0 ? (
          <p className="item-shared">{t('sharedOn', sharedOn.map((p) => platformLabel(p, t)).join(', '))}</p>
        ) : null}

        <CaptionPreview
          id={`${baseId}-caption`}
          platforms={platforms}
          platform={platform}
          caption={caption}
          onPlatform={setPlatform}
          onNextVariant={() => setVariantOffset((n) => n + 1)}
        />
        <div className="actions">
          <button
            type="button"
            className="button"
            data-siar-copy=""
            onClick={() => void copy(caption.text).then((ok) => setNotice(ok ? { kind: 'ok', text: t('copied') } : { kind: 'error', text: t('copyFailed') }))}
          >
            {t('copyCaptionFor', platformLabel(platform, t))}
          </button>
        </div>
        <ShareButtons platforms={openable} sharedOn={sharedOn} onShare={(p) => void share(p)} />
        <ConfirmShare platforms={platforms} sharedOn={sharedOn} onConfirm={confirm} />
        {notice ? (
          <p className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            {notice.text}
          </p>
        ) : null}
      </div>
    </article>
  );
}
