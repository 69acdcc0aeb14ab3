import * as v from 'valibot';
import { isValidTimeZone, pickTimeZone } from '../time/zoned-date';
import { ItemCollector, skipReasonOf } from './collect-items';
import { feedDateToTime } from './feed-date';
import { jsonFeedItemSchema, jsonFeedSchema, type JsonFeedItem } from './json-feed-schema';
import {
  normalizeCaptions,
  normalizeHashtags,
  normalizePlatforms,
  normalizeText,
  titleFromText,
} from './normalize';
import { safeUrl } from './safe-url';
import { scheduleFields, stillShowable, type ItemSchedule } from './today';
import { FeedRejection, type FeedItem, type ParsedFeed } from './types';

export interface ParseOptions {
  /** The subscription's zone: reads dates written without one, unless the feed names its own. */
  timeZone?: string;
  /** When given, only items that can be shown now or later are built and returned. */
  now?: Date;
}

/** A JSON Feed 1.x document (already JSON-parsed) → the normalised feed. */
export function parseJsonFeed(document: unknown, feedUrl: string, options: ParseOptions = {}): ParsedFeed {
  const top = v.safeParse(jsonFeedSchema, document);
  if (!top.success) {
    const path = v.getDotPath(top.issues[0]) ?? '';
    throw new FeedRejection('invalid_feed', `${path ? `${path}: ` : ''}${top.issues[0].message}`);
  }
  const feed = top.output;
  const siar = feed._siar ?? null;
  const hasSiar = feed._siar != null;
  const zone = pickTimeZone(siar?.timezone, options.timeZone);

  const collector = new ItemCollector(options.now ? stillShowable(options.now, zone) : undefined);
  for (const raw of feed.items) {
    const parsed = v.safeParse(jsonFeedItemSchema, raw);
    if (!parsed.success) {
      collector.skip(skipReasonOf(parsed.issues));
      continue;
    }
    const item = parsed.output;
    const id = String(item.id);
    if (!collector.claim(id)) continue;
    const schedule: ItemSchedule = {
      approved: hasSiar ? item._siar?.approved === true : true,
      validFrom: feedDateToTime(item._siar?.valid_from, zone),
      validUntil: feedDateToTime(item._siar?.valid_until, zone),
      datePublished: feedDateToTime(item.date_published, zone),
      dateModified: feedDateToTime(item.date_modified, zone),
    };
    collector.accept(schedule, () => toFeedItem(item, id, feedUrl, schedule));
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

function toFeedItem(item: JsonFeedItem, id: string, feedUrl: string, schedule: ItemSchedule): FeedItem {
  const siar = item._siar ?? null;
  const summary = normalizeText(item.summary ?? item.content_text ?? '');
  return {
    id,
    url: safeUrl(item.url, feedUrl) ?? safeUrl(item.external_url, feedUrl),
    title: item.title?.trim() || titleFromText(summary) || id,
    summary,
    contentHtml: item.content_html ?? null,
    image: safeUrl(item.image, feedUrl) ?? safeUrl(item.banner_image, feedUrl),
    ...scheduleFields(schedule),
    approvedBy: siar?.approved_by ?? null,
    captions: normalizeCaptions(siar?.captions),
    hashtags: normalizeHashtags(siar?.hashtags),
    platforms: normalizePlatforms(siar?.platforms),
    priority: siar?.priority ?? 0,
    campaign: siar?.campaign ?? null,
  };
}
