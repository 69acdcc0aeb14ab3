/** Platform ids of docs/protocol.md §3.1, in the order the popup lists them. */
export const PLATFORM_IDS = [
  'x',
  'facebook',
  'instagram',
  'threads',
  'linkedin',
  'tiktok',
  'youtube',
  'whatsapp',
  'telegram',
  'bluesky',
  'mastodon',
  'other',
] as const;

export type PlatformId = (typeof PLATFORM_IDS)[number];

const PLATFORM_SET: ReadonlySet<string> = new Set(PLATFORM_IDS);

export function isPlatformId(value: unknown): value is PlatformId {
  return typeof value === 'string' && PLATFORM_SET.has(value);
}

/**
 * Display names are brand names: the same in every language. The extension shows "other"
 * from _locales (platform-label.ts); the bilingual name here serves the server's pages.
 */
export const PLATFORM_NAMES: Record<PlatformId, string> = {
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  threads: 'Threads',
  linkedin: 'LinkedIn',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  other: 'Lainnya / Other',
};
