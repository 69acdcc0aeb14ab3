import { buildCaption, captionVariants, chooseVariantIndex } from '../../lib/captions/build-caption';
import { composeCaption } from '../../lib/captions/fit-caption';
import { captionLimit } from '../../lib/captions/platform-limits';
import { parseJsonFeed } from '../../lib/feed/parse-json-feed';
import type { FeedItem } from '../../lib/feed/types';
import { PLATFORM_IDS, PLATFORM_NAMES, type PlatformId } from '../../lib/share/platforms';
import { problem, type Problem } from '../problems';
import type { OfficeZone } from './office-zone';
import { valuesToInput, type FormValues } from './post-form';
import { parsePostInput, type PostContent } from './post-input';
import { postFeedItem, type FeedItemContext } from './post-feed-item';

/**
 * The editor's live preview: the post goes through the same path as in a civil
 * servant's browser (feed item → the extension's JSON Feed parser → lib/captions),
 * so counts, limits, variants and shortening are the extension's own.
 */

export interface CaptionPreview {
  text: string;
  /** Measured the platform's way (twitter-text weights on X, graphemes on Bluesky). */
  length: number;
  /** The length as written, before Siar fits it. */
  writtenLength: number;
  shortened: boolean;
  droppedHashtags: string[];
}

export interface PlatformPreview {
  platform: PlatformId;
  name: string;
  limit: number | null;
  /** Where the caption comes from: the platform's own, the default one, or the post's text. */
  source: 'platform' | 'default' | 'text';
  variants: CaptionPreview[];
}

export interface PostPreview {
  /** The item as the extension reads it. */
  item: FeedItem;
  platforms: PlatformPreview[];
  /** Shown before submitting; the post may still be submitted. */
  warnings: Problem[];
  /** Submitting is refused while any of these remain. */
  blocking: Problem[];
}

/** Platforms a post may be shared on, in the popup's order ("other" has no caption of its own). */
export function previewPlatforms(post: PostContent): PlatformId[] {
  return post.platforms ?? PLATFORM_IDS.filter((id) => id !== 'other');
}

/** The post as the extension would read it from the feed. */
export function readAsExtension(post: PostContent, context: FeedItemContext & { feedUrl: string }): FeedItem {
  const item = postFeedItem('preview', post, { approvedBy: '', approvedAt: new Date() }, context);
  const feed = parseJsonFeed(
    { version: 'https://jsonfeed.org/version/1.1', title: 'preview', _siar: { version: 1, timezone: context.timeZone }, items: [item] },
    context.feedUrl,
  );
  const read = feed.items[0];
  if (!read) throw new Error('The extension could not read the preview item: the post must be validated first.');
  return read;
}

function previewPlatform(item: FeedItem, platform: PlatformId): PlatformPreview {
  const variants = captionVariants(item, platform);
  const own = chooseVariantIndex(variants.length, 'preview', item.id);
  const limit = captionLimit(platform);
  return {
    platform,
    name: PLATFORM_NAMES[platform],
    limit: limit?.max ?? null,
    source: item.captions[platform] ? 'platform' : item.captions.default ? 'default' : 'text',
    variants: variants.map((variant, index) => {
      const caption = buildCaption(item, platform, { reporterId: 'preview', variantOffset: index - own + variants.length });
      const written = composeCaption(variant.trim(), item.url, caption.hashtags);
      return {
        text: caption.text,
        length: caption.length,
        writtenLength: limit ? limit.measure(written) : caption.length,
        shortened: caption.shortened,
        droppedHashtags: caption.droppedHashtags,
      };
    }),
  };
}

export function previewPost(post: PostContent, context: FeedItemContext & { feedUrl: string }): PostPreview {
  const item = readAsExtension(post, context);
  const platforms = previewPlatforms(post).map((platform) => previewPlatform(item, platform));
  const warnings: Problem[] = [];
  const blocking: Problem[] = [];
  for (const preview of platforms) {
    preview.variants.forEach((variant, index) => {
      const params = { platform: preview.name, length: variant.writtenLength, limit: preview.limit ?? 0 };
      const field = `captions.${preview.source === 'platform' ? preview.platform : 'default'}.${index}`;
      // A caption written for this platform must fit it; the default one may be shortened there.
      if (variant.shortened) {
        if (preview.source === 'platform') blocking.push(problem('caption_over_limit', params, field));
        else warnings.push(problem('caption_shortened', params, field));
      } else if (variant.droppedHashtags.length > 0) {
        const tags = variant.droppedHashtags.map((tag) => `#${tag}`).join(', ');
        warnings.push(problem('hashtags_dropped', { tags, platform: preview.name }, field));
      }
    });
  }
  if (!post.image && previewPlatforms(post).includes('instagram')) warnings.push(problem('instagram_no_image', {}, 'image'));
  return { item, platforms, warnings, blocking };
}

/** The form as typed → its preview; null until it has a title and reads as a post. The page and its live script both call this. */
export function previewFormValues(values: FormValues, zone: OfficeZone, context: FeedItemContext & { feedUrl: string }): PostPreview | null {
  const parsed = parsePostInput(valuesToInput(values), zone);
  return parsed.ok && parsed.post.title ? previewPost(parsed.post, context) : null;
}
