import * as v from 'valibot';
import { readFeedDate } from './feed-date';
import { isTextElement, textOf } from './xml-document';

/**
 * The parts of RSS 2.0 / 1.0 items and Atom 1.0 entries that Siar reads, as
 * fast-xml-parser shapes them (attributes as `@_name`, text as `#text`). Unknown
 * elements pass; a known element of the wrong shape (repeated, or holding child
 * elements where text belongs, or an unreadable date) fails that item only.
 */

export const textElement = v.custom<string | Record<string, unknown>>(isTextElement, 'not a text element');

/** An empty date element counts as no date (null); any other text must be a date Siar can read. */
const dateElement = v.pipe(
  textElement,
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const text = textOf(dataset.value);
    if (text.trim() === '') return null;
    const date = readFeedDate(text);
    if (date) return date;
    addIssue({ message: 'not a date' });
    return NEVER;
  }),
);

const withAttributes = v.looseObject({});
const mediaList = v.array(v.union([withAttributes, v.string()]));

export const rssItemSchema = v.looseObject({
  title: v.optional(textElement),
  link: v.optional(textElement),
  description: v.optional(textElement),
  'content:encoded': v.optional(textElement),
  guid: v.optional(textElement),
  pubDate: v.optional(dateElement),
  'dc:date': v.optional(dateElement),
  enclosure: v.optional(mediaList),
  'media:content': v.optional(mediaList),
  'media:thumbnail': v.optional(mediaList),
  'media:group': v.optional(withAttributes),
});

export const rssChannelSchema = v.looseObject({
  title: v.optional(textElement),
  link: v.optional(v.unknown()),
  item: v.optional(v.array(v.unknown())),
});

const atomLink = v.union([withAttributes, v.string()]);

export const atomEntrySchema = v.looseObject({
  id: textElement,
  title: v.optional(textElement),
  link: v.optional(v.array(atomLink)),
  published: v.optional(dateElement),
  updated: v.optional(dateElement),
  summary: v.optional(textElement),
  content: v.optional(textElement),
  'media:thumbnail': v.optional(mediaList),
  'media:content': v.optional(mediaList),
  'media:group': v.optional(withAttributes),
});

export const atomFeedSchema = v.looseObject({
  title: v.optional(textElement),
  link: v.optional(v.array(atomLink)),
  entry: v.optional(v.array(v.unknown())),
});

export type RssItem = v.InferOutput<typeof rssItemSchema>;
export type AtomEntry = v.InferOutput<typeof atomEntrySchema>;
