import type { ResolvedSubscription } from '@/lib/feed/types';
import { INDONESIAN_ZONES } from '@/lib/feed/subscription-form';
import { useI18n } from '../i18n';

interface Props {
  subscription: ResolvedSubscription;
  onRemove: (url: string) => void;
}

/** One subscription; managed (and built-in) ones are read-only (docs/protocol.md §4). */
export function SubscriptionRow({ subscription: s, onRemove }: Props) {
  const { t } = useI18n();
  const zone = INDONESIAN_ZONES.find((z) => z.zone === s.timezone);
  const meta = [
    s.timezone ? t('feedRowZone', zone ? t(zone.key) : s.timezone) : '',
    s.hashtags?.length ? t('feedRowHashtags', s.hashtags.map((tag) => `#${tag}`).join(' ')) : '',
    s.report_url ? t('feedRowReports', s.report_url) : '',
  ].filter(Boolean);
  return (
    <li data-siar-subscription={s.url}>
      <div className="subscription-main">
        <span className="subscription-url">
          {s.name ? <strong>{s.name} </strong> : null}
          {s.url}
        </span>
        {s.source === 'managed' ? <span className="badge">{t('managedByAdmin')}</span> : null}
        {s.public_key ? <span className="badge badge--ok">{t('feedSignedBadge')}</span> : null}
        {meta.length > 0 ? <small className="detail subscription-meta">{meta.join(' · ')}</small> : null}
      </div>
      {s.source === 'user' ? (
        <button type="button" className="button button--small" onClick={() => onRemove(s.url)}>
          {t('removeFeed')}
        </button>
      ) : null}
    </li>
  );
}
