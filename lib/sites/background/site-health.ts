import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import type { PlatformId } from '../../share/platforms';
import { siteHealth } from '../../storage';
import { countStep, failingSteps, SITE_STEPS, type SiteStep } from '../site-check';
import { sendSiteHealthNow } from './site-health-sender';
import { siteHealthWrites } from './site-health-writes';
import { checkSender } from './site-sender';

/** The background's side of the site check: the one writer of its counters. */

const version = () => browser.runtime.getManifest().version;

export async function isSiteOutdated(platform: PlatformId): Promise<boolean> {
  return failingSteps(await siteHealth.getValue(), version(), platform).length > 0;
}

export async function recordSiteStep(
  sender: Runtime.MessageSender,
  data: { platform: PlatformId; step: SiteStep; ok: boolean },
): Promise<{ outdated: boolean }> {
  await checkSender(sender, data.platform);
  if (!SITE_STEPS.includes(data.step) || typeof data.ok !== 'boolean') return { outdated: await isSiteOutdated(data.platform) };
  return siteHealthWrites(async () => {
    const was = await siteHealth.getValue();
    const next = countStep(was, { version: version(), platform: data.platform, step: data.step, ok: data.ok }, new Date());
    await siteHealth.setValue(next);
    const failing = failingSteps(next, version(), data.platform);
    // docs/protocol.md §7.1: the office hears at once when a step starts or stops failing.
    if (failing.includes(data.step) !== failingSteps(was, version(), data.platform).includes(data.step)) {
      void sendSiteHealthNow().catch((error: unknown) => console.error('Siar: site check', error));
    }
    return { outdated: failing.length > 0 };
  });
}
