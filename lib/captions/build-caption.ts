import type { ShownItem } from '../feed/today';
import type { FeedItem } from '../feed/types';
import type { PlatformId } from '../share/platforms';
import { fitCaption, type FittedCaption } from './fit-caption';

/**
 * The caption variants for a platform: its own, else `default`, else the item's
 * text. Items of plain feeds (RSS, Atom, JSON Feed without `_siar`) are articles
 * whose summary is no caption (WordPress appends "The post … appeared first on …"):
 * their title goes out instead.
 */
export function captionVariants(item: FeedItem, platform: PlatformId, preferTitle = false): string[] {
  const own = item.captions[platform] ?? item.captions.default;
  if (own && own.length > 0) return own;
  const text = preferTitle ? item.title.trim() || item.summary.trim() : item.summary.trim() || item.title;
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

/**
 * The reporter's own variant: thousands of accounts posting identical text look
 * coordinated (SITES.md, Known hazards), so each reporter gets one of them.
 */
export function chooseVariantIndex(count: number, reporterId: string, itemId: string): number {
  return count <= 1 ? 0 : stableHash(`${reporterId}\u0000${itemId}`) % count;
}

export interface CaptionOptions {
  reporterId: string;
  /** Hashtags from the subscription (plain RSS / Atom / JSON Feed items). */
  extraHashtags?: readonly string[];
  /** Cycle through variants: added to the reporter's own index. */
  variantOffset?: number;
  /** Without captions, post the title rather than the summary (plain feeds). */
  preferTitle?: boolean;
}

export interface Caption extends FittedCaption {
  variantIndex: number;
  variantCount: number;
  /** Every hashtag the caption should carry, for the chips under the preview. */
  hashtags: string[];
}

/** The caption to post: a variant, the missing link and hashtags, fitted to the platform. */
export function buildCaption(item: FeedItem, platform: PlatformId, options: CaptionOptions): Caption {
  const variants = captionVariants(item, platform, options.preferTitle);
  const count = variants.length;
  const offset = ((options.variantOffset ?? 0) % count) + count;
  const variantIndex = (chooseVariantIndex(count, options.reporterId, item.id) + offset) % count;
  const hashtags = [...item.hashtags, ...(options.extraHashtags ?? [])]
    .map((tag) => tag.replace(/^#+/, ''))
    .filter((tag, i, all) => tag && all.findIndex((other) => other.toLowerCase() === tag.toLowerCase()) === i);
  const fitted = fitCaption({ body: (variants[variantIndex] ?? '').trim(), link: item.url, hashtags }, platform);
  return { ...fitted, variantIndex, variantCount: count, hashtags };
}

/** The caption of a shown item: subscription hashtags go only to feeds without `_siar` (docs/protocol.md §1). */
export function captionForShown(
  shown: Pick<ShownItem, 'item' | 'feed' | 'subscription'>,
  platform: PlatformId,
  options: { reporterId: string; variantOffset?: number },
): Caption {
  return buildCaption(shown.item, platform, {
    ...options,
    extraHashtags: shown.feed.siar ? [] : (shown.subscription.hashtags ?? []),
    preferTitle: !shown.feed.siar,
  });
}
