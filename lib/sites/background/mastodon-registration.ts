import { browser } from 'wxt/browser';
import { createSerialQueue } from '../../serial';
import { watchManagedPolicy } from '../../policy';
import { userSettings } from '../../storage';
import { loadMastodonOrigins } from './mastodon-instances';

/**
 * Mastodon has no fixed host: Siar's content script (and the page-world watcher)
 * are registered at run time for the user's instances (options, policy's
 * `mastodon_instances`) whose origin Siar may access: the user grants each origin
 * through the optional host permissions. Needs the `scripting` permission.
 */

export const MASTODON_SCRIPT = 'content-scripts/mastodon.js';
export const WATCHER_SCRIPT = 'content-scripts/page-watcher.js';
const IDS = ['siar-mastodon', 'siar-mastodon-watcher'];
const serially = createSerialQueue();

async function grantedOrigins(): Promise<string[]> {
  const origins = await loadMastodonOrigins();
  const granted = await Promise.all(
    origins.map((origin) => browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false)),
  );
  return origins.filter((_, i) => granted[i]);
}

export function syncMastodonScripts(): Promise<void> {
  return serially(async () => {
    const scripting = browser.scripting;
    // Browsers without the scripting API (none that Siar builds for today) serve no Mastodon.
    if (!scripting?.registerContentScripts) return;
    const matches = (await grantedOrigins()).map((origin) => `${origin}/*`);
    const existing = await scripting.getRegisteredContentScripts({ ids: IDS });
    // Every wake of the service worker syncs: leave scripts that are already right alone.
    const same = (a: readonly string[] = [], b: readonly string[]) => a.length === b.length && a.every((m, i) => m === b[i]);
    if (existing.length === IDS.length && existing.every((script) => same(script.matches, matches))) return;
    if (existing.length > 0) await scripting.unregisterContentScripts({ ids: existing.map((script) => script.id) });
    if (matches.length === 0) return;
    await scripting.registerContentScripts([
      { id: IDS[0]!, matches, js: [MASTODON_SCRIPT], runAt: 'document_start', persistAcrossSessions: true },
      { id: IDS[1]!, matches, js: [WATCHER_SCRIPT], runAt: 'document_start', world: 'MAIN', persistAcrossSessions: true },
    ]);
  });
}

export function watchMastodonInstances(): void {
  const sync = () => void syncMastodonScripts().catch((error: unknown) => console.error('Siar: Mastodon scripts', error));
  userSettings.watch((next, previous) => {
    if (next.mastodonInstances.join() !== previous?.mastodonInstances.join()) sync();
  });
  watchManagedPolicy(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
}
