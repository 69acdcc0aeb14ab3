import { browser } from 'wxt/browser';
import { create } from 'zustand';
import { loadSubscriptions, readPolicy } from '@/lib/config';
import { selectTodayItems, type ShownItem } from '@/lib/feed/today';
import type { FeedCacheEntry, ResolvedSubscription } from '@/lib/feed/types';
import { resolveLanguage, type Language } from '@/lib/i18n';
import { EMPTY_POLICY, effectiveIdentity, type EffectiveIdentity, type ManagedPolicy } from '@/lib/policy';
import type { ReceiverState, ShareRecord } from '@/lib/reports/types';
import { DEFAULT_SETTINGS, feedCache, receiverStates, shareRecords, userSettings, userSubscriptions, type UserSettings } from '@/lib/storage';

/** What the popup shows, read from storage (the background writes it) and kept current. */
export interface PopupState {
  loaded: boolean;
  subscriptions: ResolvedSubscription[];
  cache: Record<string, FeedCacheEntry>;
  shares: ShareRecord[];
  receivers: Record<string, ReceiverState>;
  identity: EffectiveIdentity;
  settings: UserSettings;
  policy: ManagedPolicy;
  language: Language;
  now: Date;
}

export const usePopupStore = create<PopupState>(() => ({
  loaded: false,
  subscriptions: [],
  cache: {},
  shares: [],
  receivers: {},
  identity: { reporter: { id: '', name: '', unit: '' }, reportToken: '' },
  settings: DEFAULT_SETTINGS,
  policy: EMPTY_POLICY,
  language: 'id',
  now: new Date(),
}));

export async function loadPopupState(): Promise<void> {
  const policy = await readPolicy();
  const [subscriptions, cache, shares, receivers, settings] = await Promise.all([
    loadSubscriptions(policy),
    feedCache.getValue(),
    shareRecords.getValue(),
    receiverStates.getValue(),
    userSettings.getValue(),
  ]);
  usePopupStore.setState({
    loaded: true,
    subscriptions,
    cache,
    shares,
    receivers,
    identity: effectiveIdentity(settings, policy),
    settings,
    policy,
    language: resolveLanguage(settings.language, browser.i18n.getUILanguage()),
    now: new Date(),
  });
}

/** Reloads whenever the background (or options) changes what the popup shows. */
export function watchPopupState(): () => void {
  const reload = () => void loadPopupState();
  const unwatch = [feedCache, shareRecords, receiverStates, userSettings, userSubscriptions].map((item) =>
    item.watch(reload),
  );
  const onManaged = (_: unknown, area: string) => area === 'managed' && reload();
  browser.storage.onChanged.addListener(onManaged);
  const clock = setInterval(() => usePopupStore.setState({ now: new Date() }), 60_000);
  return () => {
    unwatch.forEach((stop) => stop());
    browser.storage.onChanged.removeListener(onManaged);
    clearInterval(clock);
  };
}

export function selectShownItems(
  subscriptions: readonly ResolvedSubscription[],
  cache: Readonly<Record<string, FeedCacheEntry>>,
  now: Date,
): ShownItem[] {
  return selectTodayItems(
    subscriptions.map((subscription) => ({ subscription, feed: cache[subscription.url]?.feed ?? null })),
    now,
  );
}
