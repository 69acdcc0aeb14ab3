import type { PlatformId } from '../share/platforms';
import type { SiteAdapter } from './types';
import { blueskyAdapter } from './adapters/bluesky';
import { facebookAdapter } from './adapters/facebook';
import { instagramAdapter } from './adapters/instagram';
import { linkedinAdapter } from './adapters/linkedin';
import { mastodonAdapter } from './adapters/mastodon';
import { telegramAdapter } from './adapters/telegram';
import { threadsAdapter } from './adapters/threads';
import { whatsappAdapter } from './adapters/whatsapp';
import { xAdapter } from './adapters/x';

/**
 * Every site adapter. The background uses it to check senders and post links; a
 * meta-test checks that each has its entrypoint, its fixture and its e2e spec.
 * Content scripts import only their own adapter, never this file.
 */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  xAdapter,
  facebookAdapter,
  instagramAdapter,
  threadsAdapter,
  linkedinAdapter,
  blueskyAdapter,
  mastodonAdapter,
  whatsappAdapter,
  telegramAdapter,
];

export function adapterFor(platform: PlatformId): SiteAdapter | null {
  return SITE_ADAPTERS.find((adapter) => adapter.platform === platform) ?? null;
}

/** The platform a page belongs to: by host name, or one of the user's Mastodon instances. */
export function platformOfUrl(pageUrl: string, mastodonOrigins: readonly string[]): PlatformId | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const adapter = SITE_ADAPTERS.find((candidate) => candidate.hosts.includes(url.hostname));
  if (adapter) return adapter.platform;
  return mastodonOrigins.includes(url.origin) && adapterFor('mastodon') ? 'mastodon' : null;
}
