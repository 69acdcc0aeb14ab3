import type { FeedItem, ParsedFeed, ResolvedSubscription } from '@/lib/feed/types';

export function makeItem(overrides: Partial<FeedItem> = {}): FeedItem {
  return {
    id: 'item',
    url: null,
    title: 'Item',
    summary: '',
    contentHtml: null,
    image: null,
    datePublished: null,
    dateModified: null,
    approved: true,
    approvedBy: null,
    validFrom: null,
    validUntil: null,
    captions: {},
    hashtags: [],
    platforms: null,
    priority: 0,
    campaign: null,
    ...overrides,
  };
}

export function makeFeed(items: FeedItem[], overrides: Partial<ParsedFeed> = {}): ParsedFeed {
  return {
    format: 'json',
    siar: true,
    title: 'Feed',
    homePageUrl: null,
    publisher: null,
    timezone: null,
    reportUrl: null,
    items,
    skippedItems: 0,
    ...overrides,
  };
}

export function makeSubscription(overrides: Partial<ResolvedSubscription> = {}): ResolvedSubscription {
  return { url: 'https://siar.example.go.id/feed.json', source: 'user', ...overrides };
}
