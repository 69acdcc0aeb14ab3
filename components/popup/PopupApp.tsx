import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { itemKey, selectTodayFromCache } from '@/lib/feed/today';
import { feedState, type FeedCacheEntry } from '@/lib/feed/types';
import { usableCache } from '@/lib/feed/usable-entry';
import { formatLongDate } from '@/lib/i18n';
import { messenger } from '@/lib/messaging';
import { mastodonOrigins } from '@/lib/sites/background/mastodon-instances';
import { DEFAULT_TIMEZONE } from '@/lib/time/zoned-date';
import { I18nProvider, useI18n } from '../i18n';
import { FeedStatusList } from './FeedStatusList';
import { ItemCard } from './ItemCard';
import { OutboxStatus } from './OutboxStatus';
import { UnfinishedPosts } from './UnfinishedPosts';
import { SiteWarnings } from './SiteWarnings';
import { loadPopupState, usePopupStore, watchPopupState } from './popup-store';

function feedTitles(cache: Record<string, FeedCacheEntry>): Record<string, string> {
  return Object.fromEntries(Object.entries(cache).flatMap(([url, entry]) => (entry.feed?.title ? [[url, entry.feed.title]] : [])));
}

export function PopupApp() {
  const language = usePopupStore((state) => state.language);
  useEffect(() => {
    void loadPopupState();
    return watchPopupState();
  }, []);
  return (
    <I18nProvider language={language}>
      <Popup />
    </I18nProvider>
  );
}

function Popup() {
  const { t, language } = useI18n();
  const state = usePopupStore();
  const [refreshing, setRefreshing] = useState(false);
  const { subscriptions, now, sharedOn, settings, policy } = state;
  // Copies under another key, or past their statement's exp, count for nothing (PROTOCOL §2.6).
  const cache = useMemo(() => usableCache(subscriptions, state.cache, now), [subscriptions, state.cache, now]);
  const items = useMemo(() => selectTodayFromCache(subscriptions, cache, now), [subscriptions, cache, now]);
  const timeZone = items[0]?.timeZone ?? DEFAULT_TIMEZONE;
  const sharedCount = items.filter((shown) => sharedOn[itemKey(shown.subscription.url, shown.item.id)]).length;
  const mastodonInstance = mastodonOrigins(settings, policy)[0] ?? null;
  // "No posts today" only once every subscription has answered (or failed).
  const stillLoading = subscriptions.some((subscription) => feedState(cache[subscription.url]) === 'loading');

  const refresh = async () => {
    setRefreshing(true);
    try {
      await messenger.sendMessage('popupRefreshFeeds', undefined);
    } finally {
      setRefreshing(false);
    }
  };

  return (
    <main className="popup" aria-busy={!state.loaded}>
      <header className="popup-header">
        <div className="brand">
          <img src="/icon/32.png" alt="" width="24" height="24" />
          <div>
            <h1>{t('popupTitle')}</h1>
            <p className="today">{formatLongDate(now, timeZone, language)}</p>
          </div>
        </div>
        <nav className="header-actions" aria-label={t('popupNavigation')}>
          <button
            type="button"
            className="button button--icon"
            data-siar-refresh
            onClick={() => void refresh()}
            disabled={refreshing}
            aria-label={refreshing ? t('refreshing') : t('refresh')}
            title={refreshing ? t('refreshing') : t('refresh')}
          >
            <span aria-hidden="true" className={refreshing ? 'spin' : undefined}>
              ↻
            </span>
          </button>
          <button
            type="button"
            className="button button--icon"
            onClick={() => void browser.runtime.openOptionsPage()}
            aria-label={t('openOptions')}
            title={t('openOptions')}
          >
            <span aria-hidden="true">⚙</span>
          </button>
        </nav>
      </header>

      {!state.loaded ? <p className="placeholder">{t('loading')}</p> : null}
      {state.loaded && subscriptions.length === 0 ? (
        <div className="placeholder">
          <p>{t('notConfigured')}</p>
          <button type="button" className="button button--primary" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('notConfiguredAction')}
          </button>
        </div>
      ) : null}

      <FeedStatusList subscriptions={subscriptions} cache={cache} titles={feedTitles(state.cache)} />
      <UnfinishedPosts attempts={state.attempts} />
      <SiteWarnings />

      {items.length > 0 ? (
        <div className="progress">
          <p id="progress-label">{t('progress', sharedCount, items.length)}</p>
          <progress max={items.length} value={sharedCount} aria-labelledby="progress-label" />
        </div>
      ) : null}
      {state.loaded && subscriptions.length > 0 && items.length === 0 ? (
        <p className="placeholder">{stillLoading ? t('loading') : t('emptyDay')}</p>
      ) : null}

      <div className="items">
        {items.map((shown) => {
          const key = itemKey(shown.subscription.url, shown.item.id);
          return (
            <ItemCard
              key={key}
              shown={shown}
              reporterId={state.identity.reporter.id}
              sharedOn={sharedOn[key] ?? []}
              enabledPlatforms={settings.enabledPlatforms}
              mastodonInstance={mastodonInstance}
            />
          );
        })}
      </div>

      <footer className="popup-footer">
        {state.loaded ? <OutboxStatus outbox={state.outbox} tokenOwner={state.tokenOwner} now={now} /> : null}
      </footer>
    </main>
  );
}
