import * as v from 'valibot';
import { isValidTimeZone } from '../time/zoned-date';
import { jsonFeedItemSchema, jsonFeedSchema, type JsonFeedItem } from './json-feed-schema';
import {
  normalizeCaptions,
  normalizeDate,
  normalizeHashtags,
  normalizePlatforms,
  normalizeText,
  titleFromText,
} from './normalize';
import { safeUrl } from './safe-url';
import { FeedRejection, type FeedItem, type ParsedFeed } from './types';

/** A JSON Feed 1.x document (already JSON-parsed) → the normalised feed. */
export function parseJsonFeed(document: unknown, feedUrl: string): ParsedFeed {
  const top = v.safeParse(jsonFeedSchema, document);
  if (!top.success) {
    const path = v.getDotPath(top.issues[0]) ?? '';
    throw new FeedRejection('invalid_feed', `${path ? `${path}: ` : ''}${top.issues[0].message}`);
  }
  const feed = top.output;
  const siar = feed._siar ?? null;
  const hasSiar = feed._siar != null;

  const items: FeedItem[] = [];
  const seenIds = new Set<string>();
  let skippedItems = 0;
  for (const raw of feed.items) {
    const parsed = v.safeParse(jsonFeedItemSchema, raw);
    const id = parsed.success ? String(parsed.output.id) : '';
    if (!parsed.success || id === '' || seenIds.has(id)) {
      skippedItems++;
      continue;
    }
    seenIds.add(id);
    items.push(toFeedItem(parsed.output, id, feedUrl, hasSiar));
  }

  return {
    format: 'json',
    siar: hasSiar,
    title: feed.title,
    homePageUrl: safeUrl(feed.home_page_url, feedUrl),
    publisher: siar?.publisher ?? null,
    timezone: isValidTimeZone(siar?.timezone) ? siar.timezone : null,
    reportUrl: safeUrl(siar?.report_url, feedUrl),
    items,
    skippedItems,
  };
}

function toFeedItem(item: JsonFeedItem, id: string, feedUrl: string, hasSiar: boolean): FeedItem {
  const siar = item._siar ?? null;
  const summary = normalizeText(item.summary ?? item.content_text ?? '');
  return {
    id,
    url: safeUrl(item.url, feedUrl) ?? safeUrl(item.external_url, feedUrl),
    title: item.title?.trim() || titleFromText(summary) || id,
    summary,
    contentHtml: item.content_html ?? null,
    image: safeUrl(item.image, feedUrl) ?? safeUrl(item.banner_image, feedUrl),
    datePublished: normalizeDate(item.date_published),
    dateModified: normalizeDate(item.date_modified),
    approved: hasSiar ? siar?.approved === true : true,
    approvedBy: siar?.approved_by ?? null,
    validFrom: normalizeDate(siar?.valid_from),
    validUntil: normalizeDate(siar?.valid_until),
    captions: normalizeCaptions(siar?.captions),
    hashtags: normalizeHashtags(siar?.hashtags),
    platforms: normalizePlatforms(siar?.platforms),
    priority: siar?.priority ?? 0,
    campaign: siar?.campaign ?? null,
  };
}
