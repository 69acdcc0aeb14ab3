import type { PlatformId } from '../share/platforms';
import { captionLimit } from './platform-limits';

export interface CaptionParts {
  body: string;
  /** Appended when the body does not already hold it. */
  link: string | null;
  /** Without `#`; appended when the body does not already hold them. */
  hashtags: readonly string[];
}

export interface FittedCaption {
  text: string;
  /** Measured the platform's way; null limit: none known. */
  length: number;
  limit: number | null;
  /** The body was shortened to fit. */
  shortened: boolean;
  /** Hashtags left out because even the link and the hashtags alone did not fit. */
  droppedHashtags: string[];
}

function hasHashtag(text: string, tag: string): boolean {
  const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`#${escaped}(?![\\p{L}\\p{N}_])`, 'iu').test(text);
}

function countHashtags(text: string): number {
  return text.match(/(^|[^\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu)?.length ?? 0;
}

/** The caption as written, before fitting: body, then the missing link, then the missing hashtags. */
export function composeCaption(body: string, link: string | null, hashtags: readonly string[]): string {
  const missing = hashtags.filter((tag) => !hasHashtag(body, tag));
  const parts = [body];
  if (link && !body.includes(link)) parts.push(link);
  if (missing.length > 0) parts.push(missing.map((tag) => `#${tag}`).join(' '));
  return parts.filter((part) => part !== '').join('\n\n');
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first `keep` graphemes, cut back to a word boundary when there is one, with an ellipsis. */
function shortenBody(graphemes: readonly string[], keep: number): string {
  if (keep <= 0) return '';
  let text = graphemes.slice(0, keep).join('');
  const space = text.search(/\s\S*$/);
  if (space > text.length / 2) text = text.slice(0, space);
  return `${text.trimEnd()}…`;
}

/**
 * Fits a caption to the platform's limit without cutting the link or a hashtag:
 * the body is shortened (at a word, with an ellipsis); only when the link and
 * the hashtags alone are too long are whole hashtags dropped from the end.
 */
export function fitCaption(parts: CaptionParts, platform: PlatformId): FittedCaption {
  const limit = captionLimit(platform);
  let hashtags = [...parts.hashtags];
  if (!limit) {
    const text = composeCaption(parts.body, parts.link, hashtags);
    return { text, length: [...text].length, limit: null, shortened: false, droppedHashtags: [] };
  }
  const droppedHashtags: string[] = [];
  if (limit.maxHashtags !== undefined) {
    // Hashtags already in the body count too; the appended ones go first.
    const room = Math.max(0, limit.maxHashtags - countHashtags(parts.body));
    const missing = hashtags.filter((tag) => !hasHashtag(parts.body, tag));
    const over = new Set(missing.slice(room));
    droppedHashtags.push(...over);
    hashtags = hashtags.filter((tag) => !over.has(tag));
  }
  const fits = (text: string) => limit.measure(text) <= limit.max;
  const done = (text: string, shortened: boolean): FittedCaption => ({
    text,
    length: limit.measure(text),
    limit: limit.max,
    shortened,
    droppedHashtags,
  });

  const whole = composeCaption(parts.body, parts.link, hashtags);
  if (fits(whole)) return done(whole, false);

  while (hashtags.length > 0 && !fits(composeCaption('', parts.link, hashtags))) {
    droppedHashtags.unshift(hashtags.pop() as string);
  }
  const withoutDropped = composeCaption(parts.body, parts.link, hashtags);
  if (droppedHashtags.length > 0 && fits(withoutDropped)) return done(withoutDropped, false);
  const graphemes = Array.from(segmenter.segment(parts.body), (s) => s.segment);
  // The longest shortened body that still fits, by bisection on graphemes kept.
  let low = 0;
  let high = graphemes.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(composeCaption(shortenBody(graphemes, mid), parts.link, hashtags))) low = mid;
    else high = mid - 1;
  }
  return done(composeCaption(shortenBody(graphemes, low), parts.link, hashtags), true);
}
