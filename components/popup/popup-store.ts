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
import { EMPTY_SITE_HEALTH, type SiteHealthState } from '@/lib/sites/site-check';
import { DEFAULT_SETTINGS, feedCache, outboxSummary, shareAttempts, siteHealth, userSettings, userSubscriptions, type ShareAttempt, type UserSettings } from '@/lib/storage';
import { reloadOnChange } from '../page-store';

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
  /** The site check's counters (written by the background). */
  siteHealth: SiteHealthState;
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
  siteHealth: EMPTY_SITE_HEALTH,
}));

export async function loadPopupState(): Promise<void> {
  const policy = await readPolicy();
  const [subscriptions, cache, outbox, settings, attempts, health] = await Promise.all([
    loadSubscriptions(policy),
    feedCache.getValue(),
    outboxSummary.getValue(),
    userSettings.getValue(),
    shareAttempts.getValue(),
    siteHealth.getValue(),
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
    siteHealth: health ?? EMPTY_SITE_HEALTH,
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
  // Each minute too: the day may change, and a post not seen to go out becomes a question.
  const everyMinute = (callback: () => void) => {
    const clock = setInterval(callback, 60_000);
    return () => clearInterval(clock);
  };
  return reloadOnChange([feedCache, outboxSummary, userSettings, userSubscriptions, shareAttempts, siteHealth, watchManagedPolicy, watchReportTokens, everyMinute], loadPopupState);
}
