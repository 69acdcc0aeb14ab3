import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { createSerialQueue } from '../../serial';
import type { PlatformId } from '../../share/platforms';
import { siteHealth } from '../../storage';
import { countStep, failingSteps, SITE_STEPS, type SiteStep } from '../site-check';
import { checkSender } from './site-sender';

/** The background's side of the site check: the one writer of its counters. */

const serially = createSerialQueue();
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
  return serially(async () => {
    const next = countStep(await siteHealth.getValue(), { version: version(), platform: data.platform, step: data.step, ok: data.ok }, new Date());
    await siteHealth.setValue(next);
    return { outdated: failingSteps(next, version(), data.platform).length > 0 };
  });
}
