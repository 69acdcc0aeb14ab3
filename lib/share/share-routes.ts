import type { PlatformId } from './platforms';

/**
 * How Siar helps share to each platform (SITES.md, "Share pages"):
 * - `intent`: the platform's share page takes the caption prefilled;
 * - `composer`: no share page takes text, so Siar opens the site with the item
 *   queued for its own button by the composer (the caption is copied too);
 * - `manual`: nothing on the web; copy the caption, download the image, confirm.
 */
export type ShareRoute =
  | { kind: 'intent'; url: string }
  | { kind: 'composer'; url: string }
  | { kind: 'manual' };

export interface RouteInput {
  /** The full caption, link and hashtags included. */
  text: string;
  /** The item's safe link, for share pages that take it apart. */
  itemUrl: string | null;
  /** The user's Mastodon instance origin, e.g. `https://mastodon.go.id`. */
  mastodonInstance?: string | null;
}

const q = encodeURIComponent;

export function shareRoute(platform: PlatformId, input: RouteInput): ShareRoute {
  switch (platform) {
    case 'x':
      // X's documented share page (developer.x.com Web Intents); /intent/post is an alias.
      return { kind: 'intent', url: `https://x.com/intent/tweet?text=${q(input.text)}` };
    case 'threads':
      return { kind: 'intent', url: `https://www.threads.com/intent/post?text=${q(input.text)}` };
    case 'bluesky':
      return { kind: 'intent', url: `https://bsky.app/intent/compose?text=${q(input.text)}` };
    case 'linkedin':
      return { kind: 'intent', url: `https://www.linkedin.com/feed/?shareActive=true&text=${q(input.text)}` };
    case 'whatsapp':
      return { kind: 'intent', url: `https://wa.me/?text=${q(input.text)}` };
    case 'telegram': {
      // t.me wants a url; the text then goes without the link that url already carries.
      const text = input.itemUrl ? input.text.replace(input.itemUrl, '').replace(/\n{3,}/g, '\n\n').trim() : input.text;
      return { kind: 'intent', url: `https://t.me/share/url?url=${q(input.itemUrl ?? '')}&text=${q(text)}` };
    }
    case 'mastodon': {
      if (!input.mastodonInstance) return { kind: 'manual' };
      return { kind: 'intent', url: `${input.mastodonInstance.replace(/\/+$/, '')}/share?text=${q(input.text)}` };
    }
    case 'facebook':
      return { kind: 'composer', url: 'https://www.facebook.com/' };
    case 'instagram':
      return { kind: 'composer', url: 'https://www.instagram.com/' };
    case 'tiktok':
    case 'youtube':
    case 'other':
      return { kind: 'manual' };
  }
}

/** Whether the popup can open something for the platform (else: copy and confirm). */
export function canOpen(platform: PlatformId, mastodonInstance?: string | null): boolean {
  return shareRoute(platform, { text: '', itemUrl: null, mastodonInstance }).kind !== 'manual';
}
