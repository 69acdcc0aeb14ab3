import * as v from 'valibot';
import { ItemCollector, skipReasonOf, withoutSiarFields } from './collect-items';
import { feedDateToTime } from './feed-date';
import { readHtml } from './html-text';
import { normalizeText, shortenText, titleFromText } from './normalize';
import { safeUrl } from './safe-url';
import { scheduleFields, stillShowable, trustedSchedule, type ItemSchedule } from './today';
import { FeedRejection, type FeedItem, type ParsedFeed } from './types';
import { attributeOf, isXmlObject, textOf } from './xml-document';
import { atomEntrySchema, atomFeedSchema, type AtomEntry } from './xml-feed-schema';
import { imageFromMedia } from './xml-images';

const MAX_DERIVED_SUMMARY = 1000;

/** Atom 1.0 (RFC 4287). Every entry counts as approved, like RSS (docs/protocol.md §2.3). */
export function parseAtom(root: unknown, feedUrl: string, timeZone: string, now?: Date): ParsedFeed {
  const top = v.safeParse(atomFeedSchema, isXmlObject(root) ? root : {});
  if (!top.success) throw new FeedRejection('invalid_feed', `<feed>: ${top.issues[0].message}`);
  const feed = top.output;

  const collector = new ItemCollector(now ? stillShowable(now, timeZone) : undefined);
  for (const raw of feed.entry ?? []) {
    const parsed = v.safeParse(atomEntrySchema, raw);
    if (!parsed.success) {
      collector.skip(skipReasonOf(parsed.issues));
      continue;
    }
    const entry = parsed.output;
    const id = textOf(entry.id).trim();
    if (!collector.claim(id)) continue;
    const schedule = trustedSchedule(feedDateToTime(entry.published, timeZone), feedDateToTime(entry.updated, timeZone));
    collector.accept(schedule, () => toFeedItem(entry, id, feedUrl, schedule));
  }

  return {
    format: 'atom',
    siar: false,
    title: plainText(feed.title).trim() || new URL(feedUrl).host,
    homePageUrl: linkOf(feed.link, 'alternate', feedUrl),
    publisher: null,
    timezone: null,
    reportUrl: null,
    ...collector.result(),
  };
}

/** An Atom text construct as plain text: `type="html"` and `"xhtml"` are markup. */
function plainText(element: unknown): string {
  const text = textOf(element);
  const type = attributeOf(element, 'type');
  return type === 'html' || type === 'xhtml' ? readHtml(text).text : normalizeText(text);
}

/** An Atom text construct as HTML to sanitize, or null when it is plain text. */
function htmlOf(element: unknown): string | null {
  const type = attributeOf(element, 'type');
  const text = textOf(element);
  return text && (type === 'html' || type === 'xhtml') ? text : null;
}

/** The first `<link>` with that rel (a link without rel is `alternate`), resolved and safe. */
function linkOf(links: readonly unknown[] | undefined, rel: string, baseUrl: string, imageOnly = false): string | null {
  for (const link of links ?? []) {
    const linkRel = attributeOf(link, 'rel') ?? 'alternate';
    if (linkRel !== rel) continue;
    if (imageOnly && !(attributeOf(link, 'type') ?? '').startsWith('image/')) continue;
    const url = safeUrl(attributeOf(link, 'href') ?? (typeof link === 'string' ? link : undefined), baseUrl);
    if (url) return url;
  }
  return null;
}

function toFeedItem(entry: AtomEntry, id: string, feedUrl: string, schedule: ItemSchedule): FeedItem {
  const contentHtml = htmlOf(entry.content);
  const summaryText = entry.summary !== undefined ? plainText(entry.summary) : '';
  const mediaImage = imageFromMedia(entry, feedUrl) ?? linkOf(entry.link, 'enclosure', feedUrl, true);
  const fromContent =
    contentHtml && (!summaryText || !mediaImage)
      ? readHtml(contentHtml, { baseUrl: feedUrl, imageOnly: Boolean(summaryText) })
      : null;
  const contentText = fromContent?.text ?? (contentHtml ? '' : plainText(entry.content));
  const summary = summaryText || shortenText(contentText, MAX_DERIVED_SUMMARY);
  const title = plainText(entry.title).trim();
  return {
    id,
    url: linkOf(entry.link, 'alternate', feedUrl),
    title: title || titleFromText(summary) || id,
    summary,
    contentHtml: contentHtml ?? htmlOf(entry.summary),
    image: mediaImage ?? fromContent?.image ?? null,
    ...scheduleFields(schedule),
    ...withoutSiarFields(),
  };
}
