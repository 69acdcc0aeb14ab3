import type { ShownItem } from '../feed/today';
import type { FeedItem } from '../feed/types';
import type { PlatformId } from '../share/platforms';

/** The caption variants for a platform: its own, else `default`, else the item's text. */
export function captionVariants(item: FeedItem, platform: PlatformId): string[] {
  const own = item.captions[platform] ?? item.captions.default;
  if (own && own.length > 0) return own;
  const text = item.summary.trim() || item.title;
  return [text];
}

/** A small stable hash (FNV-1a), so one reporter always gets the same variant of an item. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function chooseVariantIndex(count: number, reporterId: string, itemId: string): number {
  return count <= 1 ? 0 : stableHash(`${reporterId}\u0000${itemId}`) % count;
}

function hasHashtag(text: string, tag: string): boolean {
  const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`#${escaped}(?![\\p{L}\\p{N}_])`, 'iu').test(text);
}

export interface CaptionOptions {
  reporterId: string;
  /** Hashtags from the subscription (plain RSS / Atom / JSON Feed items). */
  extraHashtags?: readonly string[];
  /** Cycle through variants: added to the reporter's own index. */
  variantOffset?: number;
  /** Whether the link goes into the text (false where the share page takes it apart). */
  includeLink?: boolean;
}

/** The caption to post: a variant, with the missing hashtags and the link appended. */
export function buildCaption(item: FeedItem, platform: PlatformId, options: CaptionOptions): string {
  const variants = captionVariants(item, platform);
  const index =
    (chooseVariantIndex(variants.length, options.reporterId, item.id) + (options.variantOffset ?? 0)) %
    variants.length;
  let text = (variants[index] ?? '').trim();
  const tags = [...item.hashtags, ...(options.extraHashtags ?? [])]
    .map((tag) => tag.replace(/^#+/, ''))
    .filter((tag, i, all) => tag && all.indexOf(tag) === i && !hasHashtag(text, tag));
  if (options.includeLink !== false && item.url && !text.includes(item.url)) {
    text = `${text}\n\n${item.url}`;
  }
  if (tags.length > 0) text = `${text}\n\n${tags.map((tag) => `#${tag}`).join(' ')}`;
  return text;
}

/** The caption of a shown item: subscription hashtags go only to feeds without `_siar` (PROTOCOL §1). */
export function captionForShown(
  shown: Pick<ShownItem, 'item' | 'feed' | 'subscription'>,
  platform: PlatformId,
  options: { reporterId: string; variantOffset?: number },
): string {
  return buildCaption(shown.item, platform, {
    ...options,
    extraHashtags: shown.feed.siar ? [] : (shown.subscription.hashtags ?? []),
  });
}
