import type { ResolvedSubscription, Subscription } from '@/lib/feed/types';
import { userSubscriptions } from '@/lib/storage';
import { useI18n } from '../i18n';
import { AddFeedForm } from './AddFeedForm';
import { SubscriptionRow } from './SubscriptionRow';

interface Props {
  subscriptions: ResolvedSubscription[];
}

/** The feeds Siar reads: managed ones listed read-only (docs/protocol.md §4), the user's removable, and a form to add one. */
export function SubscriptionsSection({ subscriptions }: Props) {
  const { t } = useI18n();

  const add = async (subscription: Subscription) => {
    const current = await userSubscriptions.getValue();
    if (current.some((s) => s.url === subscription.url)) return;
    await userSubscriptions.setValue([...current, subscription]);
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
          <SubscriptionRow key={s.url} subscription={s} onRemove={(url) => void remove(url)} />
        ))}
      </ul>
      <AddFeedForm subscribedUrls={subscriptions.map((s) => s.url)} onSave={add} />
    </section>
  );
}
