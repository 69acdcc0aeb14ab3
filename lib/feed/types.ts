import type { PlatformId } from '../share/platforms';

/** A subscription as docs/protocol.md §1 defines it, plus where it came from. */
export interface Subscription {
  url: string;
  name?: string;
  public_key?: string;
  report_url?: string;
  timezone?: string;
  hashtags?: string[];
}

export type SubscriptionSource = 'managed' | 'user' | 'build';

export interface ResolvedSubscription extends Subscription {
  source: SubscriptionSource;
}

export type CaptionKey = PlatformId | 'default';

/** One feed item, normalised from any format; every URL in it is already safe. */
export interface FeedItem {
  id: string;
  url: string | null;
  title: string;
  /** Plain text; never HTML. */
  summary: string;
  /** Untrusted HTML: render only through lib/safe-html. */
  contentHtml: string | null;
  image: string | null;
  datePublished: string | null;
  dateModified: string | null;
  /** Effective approval (docs/protocol.md §2.3): trusted feeds approve every item. */
  approved: boolean;
  approvedBy: string | null;
  validFrom: string | null;
  validUntil: string | null;
  captions: Partial<Record<CaptionKey, string[]>>;
  hashtags: string[];
  /** null: every platform. */
  platforms: PlatformId[] | null;
  priority: number;
  campaign: string | null;
}

export type FeedFormat = 'json' | 'rss' | 'atom';

export interface ParsedFeed {
  format: FeedFormat;
  /** Whether the feed carries the Siar extension (a top-level `_siar`). */
  siar: boolean;
  title: string;
  homePageUrl: string | null;
  publisher: string | null;
  /** `_siar.timezone`, when valid. */
  timezone: string | null;
  /** `_siar.report_url`, when safe; whether it may be used is decided per docs/protocol.md §3.3. */
  reportUrl: string | null;
  items: FeedItem[];
  /** Items skipped as invalid (docs/protocol.md §2.2). */
  skippedItems: number;
  /** Why they were skipped, counted per reason (each has a sentence in _locales). */
  skipReasons?: Partial<Record<SkipReason, number>>;
  /** Valid items in the fetched version, before those that can never show again were dropped. */
  totalItems?: number;
}

/** Why one item of a feed was skipped: `feedSkip_<reason>` in _locales. */
export type SkipReason = 'invalid_field' | 'missing_id' | 'duplicate_id' | 'invalid_date';

/** Why a fetched version of a feed was not taken; each has a sentence in _locales. */
export type FeedErrorCode =
  | 'network'
  | 'http'
  | 'permission'
  | 'too_large'
  | 'too_many_items'
  | 'string_too_long'
  | 'not_a_feed'
  | 'malformed'
  | 'bad_encoding'
  | 'too_deep'
  | 'invalid_feed'
  | 'signature_missing'
  | 'signature_invalid'
  | 'signature_body_mismatch'
  | 'signature_wrong_url'
  | 'signature_expired'
  | 'signature_future'
  | 'signature_replay'
  | 'signature_key_changed'
  | 'bad_public_key'
  | 'rate_limited'
  | 'insecure_url';

export interface FeedError {
  code: FeedErrorCode;
  /** A technical detail shown under the sentence, e.g. an HTTP status. */
  detail?: string;
}

export class FeedRejection extends Error {
  constructor(
    readonly code: FeedErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'FeedRejection';
  }
}

/** PROTOCOL §2.6: what a publisher signs for one version of a feed. */
export interface FeedStatement {
  url: string;
  /** base64url of SHA-256 of the exact body bytes. */
  sha256: string;
  /** Unix seconds. */
  iat: number;
  exp: number;
  seq: number;
}

/** The background's copy of one subscription's feed. */
export interface FeedCacheEntry {
  /** The last good version; kept when a later fetch fails. */
  feed: ParsedFeed | null;
  signatureVerified: boolean;
  /**
   * The public key that verified `feed` (PROTOCOL §2.6: a copy counts only under the key
   * that verified it); null for an unsigned copy. Absent in entries of earlier builds.
   */
  verifiedKey?: string | null;
  /** The signed statement of `feed`, when it was verified: its `exp` ends the copy. */
  statement?: FeedStatement | null;
  etag: string | null;
  lastModified: string | null;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  /** The error of the latest attempt, null after a success. */
  error: FeedError | null;
  /** Not before this instant (ms), from Retry-After. */
  retryAfter: number | null;
}

export type FeedState = 'loading' | 'ok' | 'stale' | 'error';

export function feedState(entry: FeedCacheEntry | undefined): FeedState {
  if (!entry || (!entry.feed && !entry.error)) return 'loading';
  if (!entry.error) return 'ok';
  return entry.feed ? 'stale' : 'error';
}
