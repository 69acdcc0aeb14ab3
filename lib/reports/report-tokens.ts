import { safeUrl } from '../feed/safe-url';
import type { FeedCacheEntry, ResolvedSubscription, Subscription } from '../feed/types';
import type { ManagedPolicy } from '../policy';
import type { UserSettings } from '../storage';
import type { ReportTokens } from './token-store';
import { chooseReceiver } from './make-share';

/**
 * PROTOCOL §3.3 and §4: a report token belongs to one receiver origin, and is sent to
 * report URLs of that origin only. Any other receiver gets no Authorization at all, so
 * that a feed anyone can subscribe to cannot collect the office's token.
 */

export interface TokenSources {
  /** The user's settings with their tokens (lib/reports/token-store.ts). */
  settings: Pick<UserSettings, 'enrollment'> & ReportTokens;
  policy: Pick<ManagedPolicy, 'feeds' | 'reportToken' | 'reportTokens' | 'locked'>;
  /** Every subscription in force, managed ones marked so. */
  subscriptions: readonly Pick<ResolvedSubscription, 'url' | 'report_url' | 'source'>[];
}

export function originOf(url: string): string | null {
  const safe = safeUrl(url);
  return safe ? new URL(safe).origin : null;
}

/**
 * Where the older single token belongs: the origins of these subscriptions' report_urls,
 * or, where none has one, the feeds' own origins (PROTOCOL §4, read as "none of them").
 */
export function singleTokenOrigins(subscriptions: readonly Pick<Subscription, 'url' | 'report_url'>[]): Set<string> {
  const receivers = subscriptions.flatMap((s) => (s.report_url ? [originOf(s.report_url)] : [])).filter((o): o is string => o !== null);
  if (receivers.length > 0) return new Set(receivers);
  return new Set(subscriptions.map((s) => originOf(s.url)).filter((o): o is string => o !== null));
}

/** The administrator's token for the origin: `report_tokens` wins over `report_token`. */
function managedToken(origin: string, sources: TokenSources): string | null {
  const { policy } = sources;
  if (policy.reportTokens[origin]) return policy.reportTokens[origin];
  if (policy.reportToken && singleTokenOrigins(policy.feeds).has(origin)) return policy.reportToken;
  return null;
}

/** The user's token for the origin: typed or enrolled for it, else the pre-v2 single token by the same rule. */
export function userToken(origin: string, sources: TokenSources): string | null {
  const { settings } = sources;
  if (settings.reportTokens[origin]) return settings.reportTokens[origin];
  const own = sources.subscriptions.filter((s) => s.source !== 'managed');
  if (settings.reportToken && singleTokenOrigins(own).has(origin)) return settings.reportToken;
  return null;
}

/** A locked policy's token wins; otherwise the user's own wins over the policy's default. */
export function tokenForOrigin(origin: string, sources: TokenSources): string | null {
  const managed = managedToken(origin, sources);
  if (managed && sources.policy.locked) return managed;
  return userToken(origin, sources) ?? managed;
}

export function tokenForReceiver(receiverUrl: string, sources: TokenSources): string | null {
  const origin = originOf(receiverUrl);
  return origin ? tokenForOrigin(origin, sources) : null;
}

export function tokenIsLocked(origin: string, sources: TokenSources): boolean {
  return sources.policy.locked && managedToken(origin, sources) !== null;
}

/**
 * The receiver origins the options page offers a token for: every subscription's receiver
 * (as PROTOCOL §3.3 chooses it), and every origin a token is already set for.
 */
export function receiverOrigins(
  subscriptions: readonly ResolvedSubscription[],
  cache: Readonly<Record<string, FeedCacheEntry>>,
  sources: TokenSources,
): string[] {
  const origins = new Set<string>();
  for (const subscription of subscriptions) {
    const entry = cache[subscription.url];
    const receiver = entry?.feed
      ? chooseReceiver({ subscription, feed: entry.feed }, entry.signatureVerified)
      : (subscription.report_url ?? null);
    const origin = receiver ? originOf(receiver) : null;
    if (origin) origins.add(origin);
  }
  for (const origin of Object.keys(sources.settings.reportTokens)) origins.add(origin);
  for (const origin of Object.keys(sources.policy.reportTokens)) origins.add(origin);
  if (sources.policy.reportToken) for (const origin of singleTokenOrigins(sources.policy.feeds)) origins.add(origin);
  return [...origins];
}

export type TokenOwner = 'locked' | 'enrolled' | 'user';

/** Who can fix a token that this receiver refused: the administrator, the office with a new code, or the user. */
export function tokenOwner(receiverUrl: string, sources: TokenSources): TokenOwner {
  const origin = originOf(receiverUrl);
  if (!origin) return 'user';
  if (tokenIsLocked(origin, sources)) return 'locked';
  return sources.settings.enrollment?.origin === origin ? 'enrolled' : 'user';
}
