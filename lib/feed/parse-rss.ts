import * as v from 'valibot';
import { ItemCollector, skipReasonOf, withoutSiarFields } from './collect-items';
import { feedDateToTime } from './feed-date';
import { readHtml } from './html-text';
import { normalizeText, shortenText, titleFromText } from './normalize';
import { safeUrl } from './safe-url';
import { scheduleFields, stillShowable, trustedSchedule, type ItemSchedule } from './today';
import { FeedRejection, type FeedItem, type ParsedFeed } from './types';
import { attributeOf, isXmlObject, textOf } from './xml-document';
import { imageFromMedia } from './xml-images';
import { rssChannelSchema, rssItemSchema, type RssItem } from './xml-feed-schema';

/** A summary made from a whole article is cut here; the excerpt (`description`) is kept whole. */
const MAX_DERIVED_SUMMARY = 1000;

/**
 * RSS 2.0 (and RSS 1.0 / RDF, whose items sit beside the channel), e.g. the
 * `/feed/` of a WordPress site. Every item counts as approved: the
 * subscription is the approval (docs/protocol.md §2.3).
 */
export function parseRss(rootName: string, root: unknown, feedUrl: string, timeZone: string, now?: Date): ParsedFeed {
  if (!isXmlObject(root)) throw new FeedRejection('invalid_feed', `<${rootName}> is empty`);
  if (Array.isArray(root.channel)) throw new FeedRejection('invalid_feed', 'more than one <channel>');
  const channelResult = v.safeParse(rssChannelSchema, root.channel);
  if (!channelResult.success) throw new FeedRejection('invalid_feed', `<channel>: ${channelResult.issues[0].message}`);
  const channel = channelResult.output;
  // RSS 1.0 keeps its items beside the channel, RSS 2.0 inside it.
  const rawItems = rootName === 'rdf:RDF' ? asList(root.item) : (channel.item ?? []);

  const collector = new ItemCollector(now ? stillShowable(now, timeZone) : undefined);
  for (const raw of rawItems) {
    const parsed = v.safeParse(rssItemSchema, raw);
    if (!parsed.success) {
      collector.skip(skipReasonOf(parsed.issues));
      continue;
    }
    const item = parsed.output;
    const id = (textOf(item.guid) || textOf(item.link) || attributeOf(raw, 'rdf:about') || '').trim();
    if (!collector.claim(id)) continue;
    const schedule = trustedSchedule(feedDateToTime(item.pubDate ?? item['dc:date'], timeZone), null);
    collector.accept(schedule, () => toFeedItem(item, id, feedUrl, schedule));
  }

  return {
    format: 'rss',
    siar: false,
    title: textOf(channel.title).trim() || new URL(feedUrl).host,
    homePageUrl: safeUrl(textOf(channel.link), feedUrl),
    publisher: null,
    timezone: null,
    reportUrl: null,
    ...collector.result(),
  };
}

function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined ? [] : [value];
}

function toFeedItem(item: RssItem, id: string, feedUrl: string, schedule: ItemSchedule): FeedItem {
  const description = textOf(item.description);
  const content = textOf(item['content:encoded']);
  const link = safeUrl(textOf(item.link).trim(), feedUrl);
  // A guid is a link only when it says so (isPermaLink defaults to true).
  const guidLink = attributeOf(item.guid, 'isPermaLink') === 'false' ? null : safeUrl(textOf(item.guid).trim(), feedUrl);
  const mediaImage = imageFromMedia(item, feedUrl);
  const fromDescription = description ? readHtml(description, { baseUrl: feedUrl }) : null;
  const fromContent =
    content && (!fromDescription || !mediaImage)
      ? readHtml(content, { baseUrl: feedUrl, imageOnly: Boolean(fromDescription) })
      : null;
  const summary = normalizeText(fromDescription?.text ?? shortenText(fromContent?.text ?? '', MAX_DERIVED_SUMMARY));
  const title = normalizeText(textOf(item.title)).trim();
  return {
    id,
    url: link ?? guidLink,
    title: title || titleFromText(summary) || id,
    summary,
    contentHtml: content || description || null,
    image: mediaImage ?? fromContent?.image ?? fromDescription?.image ?? null,
    ...scheduleFields(schedule),
    ...withoutSiarFields(),
  };
}

