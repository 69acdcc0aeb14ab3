import { create } from 'zustand';
import { loadSubscriptions, readPolicy } from '@/lib/config';
import type { FeedCacheEntry, ResolvedSubscription } from '@/lib/feed/types';
import { EMPTY_POLICY, watchManagedPolicy, type ManagedPolicy } from '@/lib/policy';
import { NO_REPORT_TOKENS, readReportTokens, watchReportTokens, type ReportTokens } from '@/lib/reports/token-store';
import { EMPTY_OUTBOX_SUMMARY, type OutboxSummary } from '@/lib/reports/types';
import { EMPTY_SITE_HEALTH, type SiteHealthState } from '@/lib/sites/site-check';
import { DEFAULT_SETTINGS, feedCache, outboxSummary, siteHealth, userSettings, userSubscriptions, type UserSettings } from '@/lib/storage';
import { reloadOnChange } from '../page-store';

/** What the options page shows (components/page-store.ts). */
export interface OptionsState {
  loaded: boolean;
  settings: UserSettings;
  /** The user's report tokens (lib/reports/token-store.ts): never in storage.local. */
  tokens: ReportTokens;
  policy: ManagedPolicy;
  subscriptions: ResolvedSubscription[];
  /** Which receiver each feed names (PROTOCOL §3.3), for the tokens' origins. */
  cache: Record<string, FeedCacheEntry>;
  /** Reports waiting, and receivers paused for a refused token (docs/protocol.md §3.5). */
  outbox: OutboxSummary;
  /** The site check's counters (written by the background). */
  siteHealth: SiteHealthState;
}

export const useOptionsStore = create<OptionsState>(() => ({
  loaded: false,
  settings: DEFAULT_SETTINGS,
  tokens: NO_REPORT_TOKENS,
  policy: EMPTY_POLICY,
  subscriptions: [],
  cache: {},
  outbox: EMPTY_OUTBOX_SUMMARY,
  siteHealth: EMPTY_SITE_HEALTH,
}));

export async function loadOptionsState(): Promise<void> {
  const policy = await readPolicy();
  const [settings, tokens, subscriptions, cache, outbox, health] = await Promise.all([
    userSettings.getValue(),
    readReportTokens(),
    loadSubscriptions(policy),
    feedCache.getValue(),
    outboxSummary.getValue(),
    siteHealth.getValue(),
  ]);
  useOptionsStore.setState({ loaded: true, settings, tokens, policy, subscriptions, cache, outbox, siteHealth: health ?? EMPTY_SITE_HEALTH });
}

export function watchOptionsState(): () => void {
  return reloadOnChange([userSettings, userSubscriptions, feedCache, outboxSummary, siteHealth, watchReportTokens, watchManagedPolicy], loadOptionsState);
}
