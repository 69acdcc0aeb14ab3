import { parseRetryAfter } from '../retry-after';
import { parseFeed, decodeFeedBody } from './parse-feed';
import { readLimitedBody } from './read-body';
import { safeUrl } from './safe-url';
import { sha256Base64Url, verifyFeedStatement } from './signature';
import { countsUnderKey } from './usable-entry';
import { FeedRejection, type FeedCacheEntry, type FeedError, type FeedStatement, type Subscription } from './types';

export const FEED_TIMEOUT_MS = 30_000;

export const EMPTY_CACHE_ENTRY: FeedCacheEntry = {
  feed: null,
  signatureVerified: false,
  verifiedKey: null,
  statement: null,
  etag: null,
  lastModified: null,
  lastSuccessAt: null,
  lastAttemptAt: null,
  error: null,
  retryAfter: null,
};

export interface FetchFeedOptions {
  fetch?: typeof fetch;
  now?: Date;
  /** Whether the extension may read this origin without CORS; asked only after a network error. */
  hasHostPermission?: (url: string) => Promise<boolean>;
}

/**
 * Fetches one subscription's feed conditionally and returns its new cache entry.
 * A failure never erases the last good copy: it only sets `error` (docs/protocol.md §2.5).
 */
export async function fetchFeed(
  subscription: Subscription,
  previous: FeedCacheEntry | undefined,
  options: FetchFeedOptions = {},
): Promise<FeedCacheEntry> {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? new Date();
  // A copy not verified by the subscription's current key is dropped at once, and its
  // validators with it: a 304 must not revive it (PROTOCOL §2.6).
  const kept = previous && countsUnderKey(subscription, previous) ? previous : undefined;
  const base: FeedCacheEntry = { ...EMPTY_CACHE_ENTRY, ...kept, lastAttemptAt: now.toISOString() };
  const fail = (error: FeedError, retryAfter: number | null = null): FeedCacheEntry => ({
    ...base,
    error,
    retryAfter,
  });

  const url = safeUrl(subscription.url);
  if (!url) return fail({ code: 'insecure_url' });

  const headers: Record<string, string> = { Accept: 'application/feed+json, application/json, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8' };
  if (base.feed && base.etag) headers['If-None-Match'] = base.etag;
  if (base.feed && base.lastModified) headers['If-Modified-Since'] = base.lastModified;

  let response: Response;
  try {
    response = await doFetch(url, {
      headers,
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(FEED_TIMEOUT_MS),
    });
  } catch (error) {
    const permitted = options.hasHostPermission ? await options.hasHostPermission(url) : true;
    return fail(permitted ? { code: 'network', detail: String(error) } : { code: 'permission' });
  }

  if (response.status === 304 && base.feed) {
    if (!subscription.public_key || !base.statement) {
      return { ...base, error: null, retryAfter: null, lastSuccessAt: now.toISOString() };
    }
    // A 304 without a statement keeps the cached one while it is young: asking for the .sig
    // on every poll would double a publisher's traffic. Past half its life, the .sig is
    // fetched, so that a publisher whose ETag stays the same (a static export) re-signs in time.
    const lifetimeMs = (base.statement.exp - base.statement.iat) * 1000;
    if (!response.headers.has('siar-signature') && base.statement.exp * 1000 - now.getTime() > lifetimeMs / 2) {
      return { ...base, error: null, retryAfter: null, lastSuccessAt: now.toISOString() };
    }
    // The same body, re-signed: the new statement must name the cached body's hash.
    try {
      const statement = await verifyFeedStatement(subscription.public_key, await findSignature(response, url, doFetch), {
        feedUrl: subscription.url,
        sha256: base.statement.sha256,
        now,
        previous: base.statement,
      });
      return { ...base, statement, error: null, retryAfter: null, lastSuccessAt: now.toISOString() };
    } catch (error) {
      if (error instanceof FeedRejection) return fail({ code: error.code, detail: error.detail });
      return fail({ code: 'malformed', detail: String(error) });
    }
  }
  if (response.status === 429 || response.status === 503) {
    await response.body?.cancel().catch(() => undefined);
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now.getTime());
    return fail({ code: 'rate_limited', detail: `HTTP ${response.status}` }, retryAfter);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return fail({ code: 'http', detail: `HTTP ${response.status}` });
  }

  let body: Uint8Array;
  try {
    body = await readLimitedBody(response);
  } catch (error) {
    if (error instanceof FeedRejection) return fail({ code: error.code, detail: error.detail });
    return fail({ code: 'network', detail: String(error) });
  }

  try {
    let statement: FeedStatement | null = null;
    if (subscription.public_key) {
      const jws = await findSignature(response, url, doFetch);
      statement = await verifyFeedStatement(subscription.public_key, jws, {
        feedUrl: subscription.url,
        sha256: await sha256Base64Url(body),
        now,
        previous: base.statement ?? null,
      });
    }
    // Only items that can still be shown are kept: the cache holds no archive.
    const feed = parseFeed(decodeFeedBody(body), url, { timeZone: subscription.timezone, now });
    return {
      feed,
      signatureVerified: statement !== null,
      verifiedKey: statement ? (subscription.public_key ?? null) : null,
      statement,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
      lastSuccessAt: now.toISOString(),
      lastAttemptAt: now.toISOString(),
      error: null,
      retryAfter: null,
    };
  } catch (error) {
    if (error instanceof FeedRejection) return fail({ code: error.code, detail: error.detail });
    // Whatever else a hostile body provokes, it is this version's fault, not the network's.
    return fail({ code: 'malformed', detail: String(error) });
  }
}

/** The header signature, else the body of `<feed url>.sig` (docs/protocol.md §2.6). */
async function findSignature(response: Response, url: string, doFetch: typeof fetch): Promise<string> {
  const header = response.headers.get('siar-signature');
  if (header) return header;
  const sigUrl = new URL(url);
  sigUrl.pathname += '.sig'; // a query string stays after it
  let sigResponse: Response;
  try {
    sigResponse = await doFetch(sigUrl.href, {
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(FEED_TIMEOUT_MS),
    });
  } catch {
    throw new FeedRejection('signature_missing', 'no header and no .sig file');
  }
  if (!sigResponse.ok) {
    await sigResponse.body?.cancel().catch(() => undefined);
    throw new FeedRejection('signature_missing', `.sig: HTTP ${sigResponse.status}`);
  }
  // A JWS of a small statement: a few hundred bytes.
  return new TextDecoder().decode(await readLimitedBody(sigResponse, 4096));
}
