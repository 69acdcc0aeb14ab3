import { browser } from 'wxt/browser';
import { create } from 'zustand';
import { loadSubscriptions, readPolicy } from '@/lib/config';
import { selectTodayFromCache, type ShownItem } from '@/lib/feed/today';
import type { FeedCacheEntry, ResolvedSubscription } from '@/lib/feed/types';
import { resolveLanguage, type Language } from '@/lib/i18n';
import { EMPTY_POLICY, effectiveIdentity, watchManagedPolicy, type EffectiveIdentity, type ManagedPolicy } from '@/lib/policy';
import { tokenOwner, type TokenOwner } from '@/lib/reports/report-tokens';
import { readReportTokens, watchReportTokens } from '@/lib/reports/token-store';
import { platformsOfItems } from '@/lib/reports/share-db';
import { EMPTY_OUTBOX_SUMMARY, type OutboxSummary } from '@/lib/reports/types';
import type { PlatformId } from '@/lib/share/platforms';
import { unfinishedAttempts } from '@/lib/sites/background/share-attempts';
import { DEFAULT_SETTINGS, feedCache, outboxSummary, shareAttempts, userSettings, userSubscriptions, type ShareAttempt, type UserSettings } from '@/lib/storage';

/** What the popup shows, read from storage (the background writes it) and kept current. */
export interface PopupState {
  loaded: boolean;
  subscriptions: ResolvedSubscription[];
  cache: Record<string, FeedCacheEntry>;
  /** What waits in the outbox and why (the background keeps it current). */
  outbox: OutboxSummary;
  /** Posts started on a site and never seen to go out: the popup asks about them. */
  attempts: ShareAttempt[];
  /** The platforms each shown item was shared on, by itemKey(feed, item). */
  sharedOn: Record<string, PlatformId[]>;
  identity: EffectiveIdentity;
  settings: UserSettings;
  policy: ManagedPolicy;
  /** Who can fix a refused token, per receiver (PROTOCOL §3.5, §6). */
  tokenOwner: (receiverUrl: string) => TokenOwner;
  language: Language;
  now: Date;
}

export const usePopupStore = create<PopupState>(() => ({
  loaded: false,
  subscriptions: [],
  cache: {},
  outbox: EMPTY_OUTBOX_SUMMARY,
  attempts: [],
  sharedOn: {},
  identity: { reporter: { id: '', name: '', unit: '' } },
  settings: DEFAULT_SETTINGS,
  policy: EMPTY_POLICY,
  tokenOwner: () => 'user',
  language: 'id',
  now: new Date(),
}));

export async function loadPopupState(): Promise<void> {
  const policy = await readPolicy();
  const [subscriptions, cache, outbox, settings, attempts] = await Promise.all([
    loadSubscriptions(policy),
    feedCache.getValue(),
    outboxSummary.getValue(),
    userSettings.getValue(),
    shareAttempts.getValue(),
  ]);
  const tokens = await readReportTokens();
  const sharedOn = await loadSharedOn(selectTodayFromCache(subscriptions, cache, new Date()));
  usePopupStore.setState({
    loaded: true,
    subscriptions,
    cache,
    outbox,
    attempts: unfinishedAttempts(attempts),
    sharedOn,
    identity: effectiveIdentity(settings, policy),
    settings,
    policy,
    tokenOwner: (receiverUrl: string) => tokenOwner(receiverUrl, { settings: { ...settings, ...tokens }, policy, subscriptions }),
    language: resolveLanguage(settings.language, browser.i18n.getUILanguage()),
    now: new Date(),
  });
}

/** Only the shown items are looked up: the history may hold tens of thousands of shares. */
async function loadSharedOn(items: readonly ShownItem[]): Promise<Record<string, PlatformId[]>> {
  const refs = items.map((shown) => ({ feedUrl: shown.subscription.url, itemId: shown.item.id }));
  const found = await platformsOfItems(refs).catch(() => new Map<string, PlatformId[]>());
  return Object.fromEntries(found);
}

/** Reloads whenever the background (or options) changes what the popup shows. */
export function watchPopupState(): () => void {
  const reload = () => void loadPopupState();
  const unwatch = [feedCache, outboxSummary, userSettings, userSubscriptions, shareAttempts].map((item) =>
    item.watch(reload),
  );
  unwatch.push(watchManagedPolicy(reload), watchReportTokens(reload));
  // Each minute: the day may change, and a post not seen to go out becomes a question.
  const clock = setInterval(reload, 60_000);
  return () => {
    unwatch.forEach((stop) => stop());
    clearInterval(clock);
  };
}
