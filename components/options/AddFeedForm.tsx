import { useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { hasHostPermission } from '@/lib/feed/host-permission';
import { isLoopbackHost } from '@/lib/feed/safe-url';
import {
  EMPTY_FORM,
  INDONESIAN_ZONES,
  originsToRequest,
  subscriptionFromForm,
  type FormField,
  type SubscriptionForm,
} from '@/lib/feed/subscription-form';
import { testSubscription, type SubscriptionTest } from '@/lib/feed/test-subscription';
import type { Subscription } from '@/lib/feed/types';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../i18n';
import { FeedTestResult } from './FeedTestResult';

interface Props {
  subscribedUrls: string[];
  onSave: (subscription: Subscription) => Promise<void>;
}

type Tested = { subscription: Subscription; result: SubscriptionTest };

/**
 * Adds a feed: URL, optional public key and the other fields of docs/protocol.md §1.
 * "Test" fetches it and shows what Siar would make of it; "Add" does the same
 * and saves it when it works (or, after a failure, when the user insists).
 */
export function AddFeedForm({ subscribedUrls, onSave }: Props) {
  const { t } = useI18n();
  const [form, setForm] = useState<SubscriptionForm>(EMPTY_FORM);
  const [invalid, setInvalid] = useState<{ field: FormField; error: MessageKey } | null>(null);
  const [testing, setTesting] = useState(false);
  const [tested, setTested] = useState<Tested | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(null);

  const edit = (field: keyof SubscriptionForm) => (event: { target: { value: string } }) => {
    setForm({ ...form, [field]: event.target.value });
    setInvalid(null);
    setTested(null);
    setNotice(null);
  };

  const save = async (subscription: Subscription) => {
    await onSave(subscription);
    setForm(EMPTY_FORM);
    setTested(null);
    setNotice('feedAdded');
  };

  /** Checks the form, asks for the origins while the click is a user gesture, then test-fetches. */
  const run = (saveIfOk: boolean) => {
    const checked = subscriptionFromForm(form, subscribedUrls);
    if (!checked.ok) return setInvalid({ field: checked.field, error: checked.error });
    const subscription = checked.subscription;
    const origins = originsToRequest(subscription, isLoopbackHost);
    const permission = origins.length === 0 ? Promise.resolve(true) : browser.permissions.request({ origins }).catch(() => false);
    setTesting(true);
    setNotice(null);
    void permission.then(async (granted) => {
      try {
        const result = await testSubscription(subscription, { hasHostPermission });
        setTested({ subscription, result });
        if (!granted && !result.ok) setNotice('permissionDenied');
        if (saveIfOk && result.ok) await save(subscription);
      } finally {
        setTesting(false);
      }
    });
  };

  const fieldProps = (field: FormField) => ({
    'aria-invalid': invalid?.field === field ? true : undefined,
    'aria-describedby': invalid?.field === field ? 'feed-form-error' : undefined,
  });

  return (
    <form
      className="add-feed"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        run(true);
      }}
    >
      <label className="field add-feed-url">
        <span>{t('feedUrlLabel')}</span>
        <input name="feed-url" type="url" required placeholder="https://" value={form.url} onChange={edit('url')} {...fieldProps('url')} />
      </label>
      <label className="field add-feed-key">
        <span>{t('feedKeyLabel')}</span>
        <input
          name="feed-public-key"
          autoComplete="off"
          spellCheck={false}
          placeholder="base64"
          value={form.publicKey}
          onChange={edit('publicKey')}
          {...fieldProps('publicKey')}
        />
        <small className="detail">{t('feedKeyHelp')}</small>
      </label>
      <details className="add-feed-more">
        <summary>{t('feedMoreSettings')}</summary>
        <label className="field">
          <span>{t('feedNameLabel')}</span>
          <input name="feed-name" value={form.name} onChange={edit('name')} />
        </label>
        <label className="field">
          <span>{t('feedTimezoneLabel')}</span>
          <select name="feed-timezone" value={form.timezone} onChange={edit('timezone')}>
            <option value="">{t('feedTimezoneDefault')}</option>
            {INDONESIAN_ZONES.map(({ zone, key }) => (
              <option key={zone} value={zone}>
                {t(key)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('feedHashtagsLabel')}</span>
          <input name="feed-hashtags" placeholder="#PemkotContoh #Humas" value={form.hashtags} onChange={edit('hashtags')} />
        </label>
        <label className="field">
          <span>{t('feedReportUrlLabel')}</span>
          <input name="feed-report-url" type="url" placeholder="https://" value={form.reportUrl} onChange={edit('reportUrl')} {...fieldProps('reportUrl')} />
        </label>
      </details>
      <div className="add-feed-actions">
        <button type="button" className="button" data-feed-test-button="" disabled={testing} onClick={() => run(false)}>
          {testing ? t('feedTesting') : t('feedTest')}
        </button>
        <button type="submit" className="button button--primary" disabled={testing}>
          {t('addFeed')}
        </button>
      </div>
      {invalid ? (
        <p id="feed-form-error" className="notice notice--error" role="alert">
          {t(invalid.error)}
        </p>
      ) : null}
      {tested ? <FeedTestResult result={tested.result} signed={Boolean(tested.subscription.public_key)} /> : null}
      {tested && !tested.result.ok && !testing ? (
        <button type="button" className="button button--small" onClick={() => void save(tested.subscription)}>
          {t('feedAddAnyway')}
        </button>
      ) : null}
      {notice ? (
        <p className={`notice ${notice === 'feedAdded' ? 'notice--ok' : 'notice--error'}`} role={notice === 'feedAdded' ? 'status' : 'alert'}>
          {t(notice)}
        </p>
      ) : null}
    </form>
  );
}
