import * as v from 'valibot';
import { readFeedDate } from './feed-date';

/**
 * The fields of JSON Feed 1.1 and of its Siar extension (docs/protocol.md §2.2) that Siar
 * reads. Unknown fields are ignored (and not copied); a known field of the wrong
 * type fails the item (or, at top level, the feed). null counts as absent.
 */

/** A date is read once, here; it is placed in the feed's zone when the item is built. */
const isoDate = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const date = readFeedDate(dataset.value);
    if (date) return date;
    addIssue({ message: 'not a date' });
    return NEVER;
  }),
);

// Lists of strings are the bulk of a feed: one custom check each instead of a
// schema run per element (a measured hot spot of the 2,000-item benchmark).
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'string');
const stringList = v.custom<string[]>(isStringList, 'not a list of texts');

/** A caption is a text, or a non-empty list of variants. */
const isCaption = (value: unknown): value is string | string[] =>
  typeof value === 'string' || (isStringList(value) && value.length > 0);
const captions = v.custom<Record<string, string | string[]>>(
  (value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isCaption),
  'captions must be texts or non-empty lists of texts',
);

export const siarItemSchema = v.object({
  approved: v.nullish(v.boolean()),
  approved_by: v.nullish(v.string()),
  approved_at: v.nullish(isoDate),
  valid_from: v.nullish(isoDate),
  valid_until: v.nullish(isoDate),
  captions: v.nullish(captions),
  hashtags: v.nullish(stringList),
  platforms: v.nullish(stringList),
  priority: v.nullish(v.pipe(v.number(), v.finite())),
  campaign: v.nullish(v.string()),
});

export const jsonFeedItemSchema = v.object({
  id: v.custom<string | number>(
    (value) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)),
    'an id is a text or a number',
  ),
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
  tags: v.nullish(stringList),
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
  // Each item is validated on its own (a bad one is skipped), so here only: a list.
  items: v.custom<unknown[]>(Array.isArray, 'items must be a list'),
  _siar: v.nullish(siarFeedSchema),
});

export type JsonFeedItem = v.InferOutput<typeof jsonFeedItemSchema>;
