import * as v from 'valibot';
import { isValidTimeZone, pickTimeZone } from '../time/zoned-date';
import { ItemCollector, skipReasonOf } from './collect-items';
import { parseFeedDate } from './feed-date';
import { jsonFeedItemSchema, jsonFeedSchema, type JsonFeedItem } from './json-feed-schema';
import {
  normalizeCaptions,
  normalizeHashtags,
  normalizePlatforms,
  normalizeText,
  titleFromText,
} from './normalize';
import { safeUrl } from './safe-url';
import { FeedRejection, type FeedItem, type ParsedFeed } from './types';

/**
 * A JSON Feed 1.x document (already JSON-parsed) → the normalised feed.
 * `timeZone` (the subscription's) reads dates written without a zone, unless the
 * feed names its own.
 */
export function parseJsonFeed(document: unknown, feedUrl: string, timeZone?: string): ParsedFeed {
  const top = v.safeParse(jsonFeedSchema, document);
  if (!top.success) {
    const path = v.getDotPath(top.issues[0]) ?? '';
    throw new FeedRejection('invalid_feed', `${path ? `${path}: ` : ''}${top.issues[0].message}`);
  }
  const feed = top.output;
  const siar = feed._siar ?? null;
  const hasSiar = feed._siar != null;
  const zone = pickTimeZone(siar?.timezone, timeZone);

  const collector = new ItemCollector();
  for (const raw of feed.items) {
    const parsed = v.safeParse(jsonFeedItemSchema, raw);
    if (!parsed.success) {
      collector.skip(skipReasonOf(parsed.issues));
      continue;
    }
    const id = String(parsed.output.id);
    if (collector.claim(id)) collector.add(toFeedItem(parsed.output, id, feedUrl, hasSiar, zone));
  }

  return {
    format: 'json',
    siar: hasSiar,
    title: feed.title,
    homePageUrl: safeUrl(feed.home_page_url, feedUrl),
    publisher: siar?.publisher ?? null,
    timezone: isValidTimeZone(siar?.timezone) ? siar.timezone : null,
    reportUrl: safeUrl(siar?.report_url, feedUrl),
    ...collector.result(),
  };
}

function toFeedItem(item: JsonFeedItem, id: string, feedUrl: string, hasSiar: boolean, zone: string): FeedItem {
  const siar = item._siar ?? null;
  const summary = normalizeText(item.summary ?? item.content_text ?? '');
  return {
    id,
    url: safeUrl(item.url, feedUrl) ?? safeUrl(item.external_url, feedUrl),
    title: item.title?.trim() || titleFromText(summary) || id,
    summary,
    contentHtml: item.content_html ?? null,
    image: safeUrl(item.image, feedUrl) ?? safeUrl(item.banner_image, feedUrl),
    datePublished: parseFeedDate(item.date_published, zone),
    dateModified: parseFeedDate(item.date_modified, zone),
    approved: hasSiar ? siar?.approved === true : true,
    approvedBy: siar?.approved_by ?? null,
    validFrom: parseFeedDate(siar?.valid_from, zone),
    validUntil: parseFeedDate(siar?.valid_until, zone),
    captions: normalizeCaptions(siar?.captions),
    hashtags: normalizeHashtags(siar?.hashtags),
    platforms: normalizePlatforms(siar?.platforms),
    priority: siar?.priority ?? 0,
    campaign: siar?.campaign ?? null,
  };
}
