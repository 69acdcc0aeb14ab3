import { browser } from 'wxt/browser';
import { resolveSubscriptions } from './feed/subscriptions';
import type { ResolvedSubscription } from './feed/types';
import { EMPTY_POLICY, effectiveIdentity, parseManagedPolicy, type EffectiveIdentity, type ManagedPolicy } from './policy';
import { userSettings, userSubscriptions } from './storage';

/** The configuration in force, merged from policy, the user's settings and the build. */

export function buildDefaultFeedUrl(): string {
  return typeof __SIAR_FEED_URL__ === 'string' ? __SIAR_FEED_URL__ : '';
}

export async function readPolicy(): Promise<ManagedPolicy> {
  try {
    // Firefox without a policy, and browsers without managed storage, throw here.
    return parseManagedPolicy(await browser.storage.managed.get());
  } catch {
    return EMPTY_POLICY;
  }
}

export async function loadSubscriptions(policy?: ManagedPolicy): Promise<ResolvedSubscription[]> {
  const [managed, user] = await Promise.all([policy ?? readPolicy(), userSubscriptions.getValue()]);
  return resolveSubscriptions({ managed: managed.feeds, user, buildDefault: buildDefaultFeedUrl() });
}

export async function loadIdentity(policy?: ManagedPolicy): Promise<EffectiveIdentity> {
  const [managed, settings] = await Promise.all([policy ?? readPolicy(), userSettings.getValue()]);
  return effectiveIdentity(settings, managed);
}
