import { pickTimeZone } from '../time/zoned-date';
import { checkItemCount, checkJsonStrings } from './limits';
import { parseAtom } from './parse-atom';
import { parseJsonFeed, type ParseOptions } from './parse-json-feed';
import { parseRss } from './parse-rss';
import { FeedRejection, type ParsedFeed } from './types';
import { isXmlObject, parseXmlDocument } from './xml-document';

export { decodeFeedBody } from './decode-body';

export type ParseFeedOptions = ParseOptions;

/** Detects the format by content, not by Content-Type (docs/protocol.md §2.1), and parses it. */
export function parseFeed(text: string, feedUrl: string, options: ParseFeedOptions = {}): ParsedFeed {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('{')) return parseJsonText(body, feedUrl, options);
  if (body.startsWith('<')) return parseXmlText(body, feedUrl, pickTimeZone(options.timeZone), options.now);
  throw new FeedRejection('not_a_feed', body === '' ? 'an empty body' : undefined);
}

function parseJsonText(body: string, feedUrl: string, options: ParseOptions): ParsedFeed {
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    throw new FeedRejection('malformed', error instanceof Error ? error.message : 'malformed JSON');
  }
  checkJsonStrings(document);
  const items = (document as { items?: unknown }).items;
  if (Array.isArray(items)) checkItemCount(items.length);
  return parseJsonFeed(document, feedUrl, options);
}

function itemsOf(rootName: string, root: unknown): unknown {
  if (!isXmlObject(root)) return undefined;
  if (rootName === 'feed') return root.entry;
  if (rootName === 'rdf:RDF') return root.item;
  return isXmlObject(root.channel) ? root.channel.item : undefined;
}

function parseXmlText(body: string, feedUrl: string, timeZone: string, now: Date | undefined): ParsedFeed {
  const { rootName, root } = parseXmlDocument(body);
  if (rootName !== 'rss' && rootName !== 'feed' && rootName !== 'rdf:RDF') {
    throw new FeedRejection('not_a_feed', `<${rootName}>`);
  }
  checkJsonStrings(root);
  const items = itemsOf(rootName, root);
  if (Array.isArray(items)) checkItemCount(items.length);
  return rootName === 'feed' ? parseAtom(root, feedUrl, timeZone, now) : parseRss(rootName, root, feedUrl, timeZone, now);
}
