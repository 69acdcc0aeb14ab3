import * as v from 'valibot';
import { isFeedDate } from './feed-date';

/**
 * The fields of JSON Feed 1.1 and of its Siar extension (PROTOCOL §2.2) that Siar
 * reads. Unknown fields pass through untouched; a known field of the wrong type
 * fails the item (or, at top level, the feed). null counts as absent.
 */

const isoDate = v.pipe(
  v.string(),
  v.check(isFeedDate, 'not a date'),
);

const caption = v.union([v.string(), v.pipe(v.array(v.string()), v.minLength(1))]);

export const siarItemSchema = v.looseObject({
  approved: v.nullish(v.boolean()),
  approved_by: v.nullish(v.string()),
  approved_at: v.nullish(isoDate),
  valid_from: v.nullish(isoDate),
  valid_until: v.nullish(isoDate),
  captions: v.nullish(v.record(v.string(), caption)),
  hashtags: v.nullish(v.array(v.string())),
  platforms: v.nullish(v.array(v.string())),
  priority: v.nullish(v.pipe(v.number(), v.finite())),
  campaign: v.nullish(v.string()),
});

export const jsonFeedItemSchema = v.looseObject({
  id: v.union([v.string(), v.pipe(v.number(), v.finite())]),
  url: v.nullish(v.string()),
  external_url: v.nullish(v.string()),
  title: v.nullish(v.string()),
  content_html: v.nullish(v.string()),
  content_text: v.nullish(v.string()),
  summary: v.nullish(v.string()),
  image: v.nullish(v.string()),
  banner_image: v.nullish(v.string()),
  date_published: v.nullish(isoDate),
  date_modified: v.nullish(isoDate),
  tags: v.nullish(v.array(v.string())),
  _siar: v.nullish(siarItemSchema),
});

export const siarFeedSchema = v.looseObject({
  version: v.nullish(v.number()),
  publisher: v.nullish(v.string()),
  timezone: v.nullish(v.string()),
  report_url: v.nullish(v.string()),
});

export const jsonFeedSchema = v.looseObject({
  version: v.pipe(
    v.string(),
    v.startsWith('https://jsonfeed.org/version/1', 'not a JSON Feed version'),
  ),
  title: v.string(),
  home_page_url: v.nullish(v.string()),
  feed_url: v.nullish(v.string()),
  authors: v.nullish(v.array(v.unknown())),
  items: v.array(v.unknown()),
  _siar: v.nullish(siarFeedSchema),
});

export type JsonFeedItem = v.InferOutput<typeof jsonFeedItemSchema>;
export type SiarItem = v.InferOutput<typeof siarItemSchema>;
