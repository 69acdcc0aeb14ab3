import { useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { isLoopbackHost, safeUrl } from '@/lib/feed/safe-url';
import type { ResolvedSubscription } from '@/lib/feed/types';
import { userSubscriptions } from '@/lib/storage';
import { useI18n } from '../i18n';

interface Props {
  subscriptions: ResolvedSubscription[];
}

/** Managed feeds are listed, marked, and cannot be removed here (PROTOCOL §4). */
export function SubscriptionsSection({ subscriptions }: Props) {
  const { t } = useI18n();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const normalized = safeUrl(url);
    if (!normalized) return setError(t('feedUrlInvalid'));
    if (subscriptions.some((s) => s.url === normalized)) return setError(t('feedUrlDuplicate'));
    setError(null);
    const origin = new URL(normalized);
    // Asked while the click is still a user gesture. Loopback feeds of the reference
    // server answer with CORS, so they need no permission.
    const permission = isLoopbackHost(origin.hostname)
      ? Promise.resolve(true)
      : browser.permissions.request({ origins: [`${origin.origin}/*`] }).catch(() => false);
    void permission.then(async (granted) => {
      if (!granted) setError(t('permissionDenied'));
      const current = await userSubscriptions.getValue();
      await userSubscriptions.setValue([...current, { url: normalized }]);
      setUrl('');
    });
  };

  const remove = async (target: string) => {
    const current = await userSubscriptions.getValue();
    await userSubscriptions.setValue(current.filter((s) => s.url !== target));
  };

  return (
    <section className="card" aria-labelledby="subscriptions-heading">
      <h2 id="subscriptions-heading">{t('subscriptions')}</h2>
      {subscriptions.length === 0 ? <p className="detail">{t('noSubscriptions')}</p> : null}
      <ul className="subscription-list">
        {subscriptions.map((s) => (
          <li key={s.url} data-siar-subscription={s.url}>
            <span className="subscription-url">{s.name ? `${s.name} — ${s.url}` : s.url}</span>
            {s.source === 'managed' ? <span className="badge">{t('managedByAdmin')}</span> : null}
            {s.source === 'user' ? (
              <button type="button" className="button button--small" onClick={() => void remove(s.url)}>
                {t('removeFeed')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <form className="add-feed" onSubmit={add}>
        <label className="field">
          <span>{t('feedUrlLabel')}</span>
          <input
            type="url"
            required
            placeholder="https://"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'feed-url-error' : undefined}
          />
        </label>
        <button type="submit" className="button button--primary">
          {t('addFeed')}
        </button>
        {error ? (
          <p id="feed-url-error" className="notice notice--error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}
