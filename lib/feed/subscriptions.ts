import type { ResolvedSubscription, Subscription, SubscriptionSource } from './types';

/**
 * Every subscription in force: managed ones first (they are always subscribed),
 * then the user's, then the build's default; the first of any URL wins.
 */
export function resolveSubscriptions(sources: {
  managed: readonly Subscription[];
  user: readonly Subscription[];
  buildDefault: string;
}): ResolvedSubscription[] {
  const out: ResolvedSubscription[] = [];
  const seen = new Set<string>();
  const add = (subscription: Subscription, source: SubscriptionSource) => {
    const url = subscription.url.trim();
    if (!url || seen.has(url)) return;
    seen.add(url);
    out.push({ ...subscription, url, source });
  };
  for (const s of sources.managed) add(s, 'managed');
  for (const s of sources.user) add(s, 'user');
  if (sources.buildDefault) add({ url: sources.buildDefault }, 'build');
  return out;
}
