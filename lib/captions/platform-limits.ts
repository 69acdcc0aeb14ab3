import twitterText from 'twitter-text';
import type { PlatformId } from '../share/platforms';

/**
 * How long a caption may be on each platform, measured the platform's way.
 * X: twitter-text's weighted length (a URL counts 23). Bluesky: graphemes.
 * Mastodon: characters, a URL counting 23. Others: characters (code points).
 */
export interface CaptionLimit {
  max: number;
  measure: (text: string) => number;
  /** Instagram allows at most 30 hashtags in a caption. */
  maxHashtags?: number;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

export function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

const URL_PATTERN = /https?:\/\/[^\s]+/g;

function mastodonLength(text: string): number {
  let length = 0;
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    length += countCodePoints(text.slice(last, match.index)) + 23;
    last = (match.index ?? 0) + match[0].length;
  }
  return length + countCodePoints(text.slice(last));
}

const chars = (max: number, extra: Partial<CaptionLimit> = {}): CaptionLimit => ({ max, measure: countCodePoints, ...extra });

const LIMITS: Partial<Record<PlatformId, CaptionLimit>> = {
  x: { max: 280, measure: (text) => twitterText.parseTweet(text).weightedLength },
  bluesky: { max: 300, measure: countGraphemes },
  threads: chars(500),
  mastodon: { max: 500, measure: mastodonLength },
  instagram: chars(2200, { maxHashtags: 30 }),
  linkedin: chars(3000),
  tiktok: chars(2200),
  facebook: chars(63_206),
  telegram: chars(4096),
  whatsapp: chars(65_536),
};

/** null: the platform sets no limit Siar knows of. */
export function captionLimit(platform: PlatformId): CaptionLimit | null {
  return LIMITS[platform] ?? null;
}
