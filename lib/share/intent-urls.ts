import type { PlatformId } from './platforms';

/** Share pages of SITES.md that take prefilled text. */
const SHARE_PAGES: Partial<Record<PlatformId, (text: string) => string>> = {
  x: (text) => `https://x.com/intent/post?text=${encodeURIComponent(text)}`,
};

export function hasSharePage(platform: PlatformId): boolean {
  return platform in SHARE_PAGES;
}

export function intentUrl(platform: PlatformId, text: string): string | null {
  return SHARE_PAGES[platform]?.(text) ?? null;
}
