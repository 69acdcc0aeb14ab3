import { browser } from 'wxt/browser';
import { chooseReceiver } from '../../reports/make-share';
import { loadTokenSources } from '../../reports/outbox-service';
import { originOf, tokenForOrigin } from '../../reports/report-tokens';
import { createSerialQueue } from '../../serial';
import { feedCache, siteHealth } from '../../storage';
import { sendSiteHealth, type HealthReceiver } from '../site-health-report';
import { siteHealthWrites } from './site-health-writes';

/** Every few hours, and when a step starts or stops failing (site-health.ts), the site check goes to the offices that want it. */

export const SITE_HEALTH_ALARM = 'siar-site-health';
const serially = createSerialQueue();

/**
 * docs/protocol.md §3.3: a token goes only to the receiver origin it belongs to, by the
 * same rule as reports (lib/reports/report-tokens.ts); any other office gets none.
 */
async function healthReceivers(): Promise<HealthReceiver[]> {
  const sources = await loadTokenSources();
  const cache = await feedCache.getValue();
  const origins = new Set<string>();
  for (const subscription of sources.subscriptions) {
    const entry = cache[subscription.url];
    if (!entry?.feed) continue;
    const receiver = chooseReceiver({ subscription, feed: entry.feed }, entry.signatureVerified);
    const origin = receiver ? originOf(receiver) : null;
    if (origin) origins.add(origin);
  }
  return [...origins].map((origin) => ({ origin, token: tokenForOrigin(origin, sources) ?? '' }));
}

export function sendSiteHealthNow(now = new Date()): Promise<void> {
  return serially(async () => {
    const receivers = await healthReceivers();
    const state = await siteHealth.getValue();
    const sentUntil = await sendSiteHealth(state, receivers, browser.runtime.getManifest().version, now);
    // Counters may have moved meanwhile: only the sent marks are written, in the counters' queue.
    await siteHealthWrites(async () => siteHealth.setValue({ ...(await siteHealth.getValue()), sentUntil }));
  });
}

export function scheduleSiteHealth(): void {
  void browser.alarms.get(SITE_HEALTH_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(SITE_HEALTH_ALARM, { delayInMinutes: 10, periodInMinutes: 360 });
  });
}
