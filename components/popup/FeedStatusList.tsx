import { feedState, type FeedCacheEntry, type ResolvedSubscription } from '@/lib/feed/types';
import { formatDateTime } from '@/lib/i18n';
import { DEFAULT_TIMEZONE } from '@/lib/time/zoned-date';
import { skipSentence } from '../feed-skip-sentence';
import { useI18n } from '../i18n';

interface Props {
  subscriptions: ResolvedSubscription[];
  cache: Record<string, FeedCacheEntry>;
  /** Feed titles of the stored copies, also of those that no longer count (PROTOCOL §2.6). */
  titles?: Record<string, string>;
}

/** One line per subscription: PROTOCOL §5's data-siar-status hook. */
export function FeedStatusList({ subscriptions, cache, titles = {} }: Props) {
  const { t, language } = useI18n();
  return (
    <ul className="feed-status-list">
      {subscriptions.map((subscription) => {
        const entry = cache[subscription.url];
        const state = feedState(entry);
        const name = subscription.name || entry?.feed?.title || titles[subscription.url] || subscription.url;
        const reason = entry?.error ? t(`feedError_${entry.error.code}`) : '';
        const since = entry?.lastSuccessAt
          ? formatDateTime(new Date(entry.lastSuccessAt), DEFAULT_TIMEZONE, language)
          : '';
        let text: string;
        if (state === 'ok') text = t('feedOk', name);
        else if (state === 'loading') text = t('feedLoading', name);
        else if (state === 'stale') text = t('feedStale', name, since, reason);
        else text = t('feedFailed', name, reason);
        const skipped = entry?.feed?.skippedItems ?? 0;
        return (
          <li
            key={subscription.url}
            className={`feed-status feed-status--${state}`}
            data-siar-status=""
            data-siar-feed={subscription.url}
            data-state={state === 'loading' ? 'ok' : state}
          >
            {/* The alert role sits inside the item: on the <li> itself it would leave the list
                with a child that is not a list item (axe: list). */}
            <span role={state === 'ok' || state === 'loading' ? undefined : 'alert'}>{text}</span>
            {entry?.error?.detail && state !== 'ok' ? <small className="detail">{entry.error.detail}</small> : null}
            {skipped > 0 ? <small className="detail feed-skips">{skipSentence(t, entry?.feed?.skipReasons, skipped)}</small> : null}
          </li>
        );
      })}
    </ul>
  );
}
