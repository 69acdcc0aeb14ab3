import { platformLabel } from '@/lib/share/platform-label';
import type { PlatformId } from '@/lib/share/platforms';
import { useI18n } from '../i18n';

interface Props {
  platforms: PlatformId[];
  sharedOn: readonly PlatformId[];
  onShare: (platform: PlatformId) => void;
}

/** One share control per platform that Siar can open (docs/protocol.md §5: data-siar-share). */
export function ShareButtons({ platforms, sharedOn, onShare }: Props) {
  const { t } = useI18n();
  if (platforms.length === 0) return null;
  return (
    <div className="share-row" role="group" aria-label={t('shareTo')}>
      <span className="share-row-label">{t('shareTo')}</span>
      {platforms.map((p) => {
        const done = sharedOn.includes(p);
        return (
          <button
            key={p}
            type="button"
            className={`button button--share${done ? ' button--done' : ''}`}
            data-siar-share={p}
            aria-label={done ? t('shareAgainOn', platformLabel(p, t)) : t('share', platformLabel(p, t))}
            onClick={() => onShare(p)}
          >
            {done ? <span aria-hidden="true">✓ </span> : null}
            {platformLabel(p, t)}
          </button>
        );
      })}
    </div>
  );
}
