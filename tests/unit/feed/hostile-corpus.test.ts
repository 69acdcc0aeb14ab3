// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchFeed } from '@/lib/feed/fetch-feed';
import { safeUrl } from '@/lib/feed/safe-url';
import { selectTodayItems } from '@/lib/feed/today';
import type { FeedCacheEntry, ParsedFeed, Subscription } from '@/lib/feed/types';
import { sanitizeFeedHtml } from '@/lib/safe-html';
import { makeSubscription } from './item-factory';
import { PREVIOUS_SEQ, signatureFetch, type SignatureMode } from './signature-modes';

/**
 * Every file of tests/fixtures/feeds goes through fetchFeed (the same path as a
 * real poll: body limit, UTF-8, signature, detection, parsing, validation) and
 * must give the outcome that expected.json names for it.
 */

interface Case {
  file: string;
  outcome: 'accepted' | 'rejected';
  code?: string;
  format?: string;
  items?: number;
  today?: number;
  skipped?: number;
  skipReasons?: Record<string, number>;
  ids?: string[];
  image?: string;
  url?: string;
  title?: string;
  summary?: string;
  feedTitle?: string;
  timezone?: string;
  contentType?: string;
  signature?: SignatureMode;
  signatureVerified?: boolean;
  hostile?: boolean;
  urlsNull?: boolean;
  homePageUrl?: string | null;
  reportUrl?: string | null;
}

const dir = join(import.meta.dirname, '../../fixtures/feeds/');
const manifest = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as {
  now: string;
  feedUrl: string;
  cases: Case[];
  generated: { name: string; generate: string; code: string }[];
};
const NOW = new Date(manifest.now);
const FEED_URL = manifest.feedUrl;

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/feed+json',
  xml: 'application/rss+xml; charset=utf-8',
  html: 'text/html; charset=utf-8',
  svg: 'image/svg+xml',
  txt: 'text/plain',
};

async function run(entry: Case, previous?: FeedCacheEntry): Promise<{ result: FeedCacheEntry; subscription: Subscription }> {
  const body = new Uint8Array(readFileSync(`${dir}${entry.file}`));
  const contentType = entry.contentType ?? CONTENT_TYPES[entry.file.split('.').pop() ?? ''] ?? 'application/octet-stream';
  const { fetch, publicKey } = await signatureFetch(entry.signature, body, { 'Content-Type': contentType }, { url: FEED_URL, now: NOW });
  const subscription: Subscription = { url: FEED_URL, timezone: entry.timezone, public_key: publicKey };
  // Under a key, the last good copy is one that key verified (seq PREVIOUS_SEQ, another body).
  const held = previous && publicKey ? signedCopy(previous, publicKey) : previous;
  return { result: await fetchFeed(subscription, held, { now: NOW, fetch }), subscription };
}

function signedCopy(entry: FeedCacheEntry, publicKey: string): FeedCacheEntry {
  const iat = Math.floor(NOW.getTime() / 1000) - 3600;
  return {
    ...entry,
    signatureVerified: true,
    verifiedKey: publicKey,
    statement: { url: FEED_URL, sha256: 'c29tZSBvdGhlciBib2R5', iat, exp: iat + 86400, seq: PREVIOUS_SEQ },
  };
}

/** Links and images are https (loopback http) or absent, everywhere (docs/protocol.md §2.4). */
function expectOnlySafeUrls(feed: ParsedFeed) {
  const urls = [feed.homePageUrl, feed.reportUrl, ...feed.items.flatMap((item) => [item.url, item.image])];
  for (const url of urls) if (url !== null) expect(safeUrl(url)).toBe(url);
}

/** Whatever the feed's HTML holds, what reaches a page has no way to run code. */
function expectInertHtml(feed: ParsedFeed) {
  for (const item of feed.items) {
    if (!item.contentHtml) continue;
    const clean = sanitizeFeedHtml(item.contentHtml, FEED_URL);
    expect(clean).not.toMatch(/<(script|svg|math|iframe|object|embed|form|style|meta|link|base|body)\b/i);
    expect(clean).not.toMatch(/\son[a-z]+\s*=/i);
    expect(clean).not.toMatch(/(javascript|data|vbscript):/i);
  }
}

const good: FeedCacheEntry = {
  feed: { format: 'json', siar: false, title: 'Last good', homePageUrl: null, publisher: null, timezone: null, reportUrl: null, items: [], skippedItems: 0 },
  signatureVerified: false,
  etag: '"good"',
  lastModified: null,
  lastSuccessAt: '2026-11-26T02:00:00.000Z',
  lastAttemptAt: '2026-11-26T02:00:00.000Z',
  error: null,
  retryAfter: null,
};

describe('the hostile feed corpus', () => {
  it('has at least 60 feeds, each with an expected outcome', () => {
    const files = readdirSync(dir).filter((file) => file !== 'expected.json').sort();
    expect(files.length).toBeGreaterThanOrEqual(60);
    expect(manifest.cases.map((c) => c.file).sort()).toEqual(files);
  });

  const accepted = manifest.cases.filter((c) => c.outcome === 'accepted');
  const rejected = manifest.cases.filter((c) => c.outcome === 'rejected');

  it.each(accepted.map((c) => [c.file, c] as const))('accepts %s', async (_file, entry) => {
    const { result, subscription } = await run(entry);
    expect(result.error).toBeNull();
    const feed = result.feed!;
    expect(feed.format).toBe(entry.format);
    expect(feed.totalItems).toBe(entry.items);
    expect(feed.skippedItems).toBe(entry.skipped ?? 0);
    if (entry.skipReasons) expect(feed.skipReasons).toEqual(entry.skipReasons);
    const today = selectTodayItems([{ subscription: makeSubscription(subscription), feed }], NOW);
    expect(today).toHaveLength(entry.today!);
    if (entry.ids) expect(today.map((shown) => shown.item.id)).toEqual(entry.ids);
    if (entry.image) expect(feed.items[0]?.image).toBe(entry.image);
    if (entry.url) expect(feed.items[0]?.url).toBe(entry.url);
    if (entry.title) expect(feed.items[0]?.title).toBe(entry.title);
    if (entry.summary) expect(feed.items[0]?.summary).toBe(entry.summary);
    if (entry.feedTitle) expect(feed.title).toBe(entry.feedTitle);
    if (entry.signatureVerified !== undefined) expect(result.signatureVerified).toBe(entry.signatureVerified);
    if (entry.urlsNull) for (const item of feed.items) expect([item.url, item.image]).toEqual([null, null]);
    if ('homePageUrl' in entry) expect(feed.homePageUrl).toBe(entry.homePageUrl);
    if ('reportUrl' in entry) expect(feed.reportUrl).toBe(entry.reportUrl);
    expectOnlySafeUrls(feed);
    expectInertHtml(feed);
    if (entry.hostile) {
      // Plain-text fields keep the attack as inert text; nothing in them is ever parsed as HTML.
      expect(feed.items.length).toBeGreaterThan(0);
    }
  });

  it.each(rejected.map((c) => [c.file, c] as const))('rejects %s, keeping the last good copy', async (_file, entry) => {
    const { result } = await run(entry, good);
    expect(result.error?.code).toBe(entry.code);
    expect(result.feed).toEqual(good.feed);
    expect(result.lastSuccessAt).toBe(good.lastSuccessAt);
    expect(result.lastAttemptAt).toBe(NOW.toISOString());
  });
});

describe('bodies too large to commit, generated here', () => {
  const MiB = 1024 * 1024;

  it('stops reading a 50 MB stream just past 5 MiB', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(`{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[${'{"id":"x"},'.repeat(MiB / 11)}`).slice(0, MiB);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 50) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const result = await fetchFeed({ url: FEED_URL }, good, { now: NOW, fetch: async () => new Response(stream) });
    expect(result.error?.code).toBe('too_large');
    expect(pulled).toBeLessThanOrEqual(7);
    expect(result.feed).toEqual(good.feed);
  });

  it('does not read a body whose Content-Length says 50 MB', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(MiB));
      },
    });
    const response = new Response(stream, { headers: { 'Content-Length': String(50 * MiB) } });
    const result = await fetchFeed({ url: FEED_URL }, good, { now: NOW, fetch: async () => response });
    expect(result.error?.code).toBe('too_large');
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('rejects 50 MB arriving as one chunk', async () => {
    const result = await fetchFeed({ url: FEED_URL }, good, { now: NOW, fetch: async () => new Response(new Uint8Array(50 * MiB)) });
    expect(result.error?.code).toBe('too_large');
  });

  it('lists these in the manifest too', () => {
    expect(manifest.generated.map((g) => g.code)).toEqual(['too_large', 'too_large', 'too_large']);
  });
});
