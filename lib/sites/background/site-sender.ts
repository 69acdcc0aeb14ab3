import type { Runtime } from 'webextension-polyfill';
import { requireSiteContentScript, type SiteSender } from '../../sender-check';
import type { PlatformId } from '../../share/platforms';
import { platformOfUrl } from '../registry';
import { loadMastodonOrigins } from './mastodon-instances';

/** Siar's own content script, on a tab whose page belongs to `platform` (else it throws). */
export async function checkSender(sender: Runtime.MessageSender, platform: PlatformId): Promise<SiteSender> {
  const mastodon = await loadMastodonOrigins();
  return requireSiteContentScript(sender, platform, (url) => platformOfUrl(url, mastodon));
}
