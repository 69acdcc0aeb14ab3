import { browser } from 'wxt/browser';
import { loadIdentity, loadSubscriptions, readPolicy } from '../../config';
import type { ResolvedSubscription } from '../../feed/types';
import { chooseReceiver } from '../../reports/make-share';
import { createSerialQueue } from '../../serial';
import { feedCache, siteHealth } from '../../storage';
import { sendSiteHealth, type HealthReceiver } from '../site-health-report';

/** Once a day (checked every few hours), the site check's finished days go to the offices that want them. */

export const SITE_HEALTH_ALARM = 'siar-site-health';
const serially = createSerialQueue();

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * PROTOCOL §3.3: the report token belongs to the receivers named by the subscriptions that
 * came with it (the policy's, or the user's own when the user typed it): their `report_url`
 * or, without one, the feed's own origin. It is never sent anywhere else.
 */
export function tokenOrigins(subscriptions: readonly ResolvedSubscription[], tokenFromPolicy: boolean): Set<string> {
  const own = subscriptions.filter((subscription) => (tokenFromPolicy ? subscription.source === 'managed' : subscription.source !== 'build'));
  return new Set(own.flatMap((subscription) => originOf(subscription.report_url ?? subscription.url) ?? []));
}

async function healthReceivers(): Promise<HealthReceiver[]> {
  const policy = await readPolicy();
  const [subscriptions, cache, identity] = await Promise.all([loadSubscriptions(policy), feedCache.getValue(), loadIdentity(policy)]);
  const fromPolicy = policy.reportToken !== null && identity.reportToken === policy.reportToken;
  const owned = tokenOrigins(subscriptions, fromPolicy);
  const origins = new Set<string>();
  for (const subscription of subscriptions) {
    const entry = cache[subscription.url];
    if (!entry?.feed) continue;
    const receiver = chooseReceiver({ subscription, feed: entry.feed }, entry.signatureVerified);
    const origin = receiver ? originOf(receiver) : null;
    if (origin) origins.add(origin);
  }
  return [...origins].map((origin) => ({ origin, token: owned.has(origin) ? identity.reportToken : '' }));
}

export function sendSiteHealthNow(now = new Date()): Promise<void> {
  return serially(async () => {
    const receivers = await healthReceivers();
    const state = await siteHealth.getValue();
    const sentUntil = await sendSiteHealth(state, receivers, browser.runtime.getManifest().version, now);
    // Counters may have moved meanwhile: only the sent marks are written.
    await siteHealth.setValue({ ...(await siteHealth.getValue()), sentUntil });
  });
}

export function scheduleSiteHealth(): void {
  void browser.alarms.get(SITE_HEALTH_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(SITE_HEALTH_ALARM, { delayInMinutes: 10, periodInMinutes: 360 });
  });
}
