import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { EMPTY_SITE_HEALTH, type SiteHealthState } from '@/lib/sites/site-check';
import { siteHealth } from '@/lib/storage';

/** The site check's counters (written by the background), kept current; and this build's version. */
export function useSiteHealth(): { health: SiteHealthState; version: string } {
  const [health, setHealth] = useState<SiteHealthState>(EMPTY_SITE_HEALTH);
  useEffect(() => {
    void siteHealth.getValue().then(setHealth);
    return siteHealth.watch((next) => setHealth(next ?? EMPTY_SITE_HEALTH));
  }, []);
  return { health, version: browser.runtime.getManifest().version };
}
