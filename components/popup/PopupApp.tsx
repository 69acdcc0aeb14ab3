import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { formatLongDate } from '@/lib/i18n';
import { messenger } from '@/lib/messaging';
import { itemKey } from '@/lib/reports/share-db';
import { DEFAULT_TIMEZONE } from '@/lib/time/zoned-date';
import { I18nProvider, useI18n } from '../i18n';
import { FeedStatusList } from './FeedStatusList';
import { ItemCard } from './ItemCard';
import { OutboxStatus } from './OutboxStatus';
import { loadPopupState, selectShownItems, usePopupStore, watchPopupState } from './popup-store';

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
  const { subscriptions, cache, now, sharedOn } = state;
  const items = useMemo(() => selectShownItems(subscriptions, cache, now), [subscriptions, cache, now]);
  const timeZone = items[0]?.timeZone ?? DEFAULT_TIMEZONE;
  const sharedCount = items.filter((shown) => sharedOn[itemKey(shown.subscription.url, shown.item.id)]).length;

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
        <div>
          <h1>{t('popupTitle')}</h1>
          <p className="today">{t('todayIs', formatLongDate(now, timeZone, language))}</p>
        </div>
        <div className="header-actions">
          <button type="button" className="button button--small" onClick={() => void refresh()} disabled={refreshing}>
            {refreshing ? t('refreshing') : t('refresh')}
          </button>
          <button type="button" className="button button--small" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('openOptions')}
          </button>
        </div>
      </header>

      {!state.loaded ? <p className="placeholder">{t('loading')}</p> : null}
      {state.loaded && subscriptions.length === 0 ? (
        <p className="placeholder">
          <button type="button" className="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('notConfigured')}
          </button>
        </p>
      ) : null}

      <FeedStatusList subscriptions={subscriptions} cache={cache} />

      {items.length > 0 ? <p className="progress">{t('progress', sharedCount, items.length)}</p> : null}
      {state.loaded && subscriptions.length > 0 && items.length === 0 ? <p className="placeholder">{t('emptyDay')}</p> : null}

      <div className="items">
        {items.map((shown) => (
          <ItemCard
            key={`${shown.subscription.url}\n${shown.item.id}`}
            shown={shown}
            reporterId={state.identity.reporter.id}
            sharedOn={sharedOn[itemKey(shown.subscription.url, shown.item.id)] ?? []}
          />
        ))}
      </div>

      <footer className="popup-footer">
        {state.loaded ? <OutboxStatus outbox={state.outbox} tokenLocked={state.tokenLocked} now={now} /> : null}
      </footer>
    </main>
  );
}
