import { checkItemCount, checkJsonStrings, MAX_FEED_BYTES } from './limits';
import { parseJsonFeed } from './parse-json-feed';
import { FeedRejection, type ParsedFeed } from './types';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes a response body as UTF-8 (a BOM is dropped); invalid bytes reject the feed. */
export function decodeFeedBody(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_FEED_BYTES) throw new FeedRejection('too_large', String(bytes.byteLength));
  try {
    return decoder.decode(bytes);
  } catch {
    throw new FeedRejection('not_a_feed', 'invalid UTF-8');
  }
}

/** Detects the format by content (PROTOCOL §2.1) and parses it. */
export function parseFeed(text: string, feedUrl: string): ParsedFeed {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('{')) {
    let document: unknown;
    try {
      document = JSON.parse(body);
    } catch {
      throw new FeedRejection('not_a_feed', 'malformed JSON');
    }
    checkJsonStrings(document);
    const items = (document as { items?: unknown }).items;
    if (Array.isArray(items)) checkItemCount(items.length);
    return parseJsonFeed(document, feedUrl);
  }
  throw new FeedRejection('not_a_feed', body.startsWith('<') ? 'XML feeds are not read yet' : undefined);
}
