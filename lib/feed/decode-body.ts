import { MAX_FEED_BYTES } from './limits';
import { FeedRejection } from './types';

/**
 * A response body → text. JSON is UTF-8 (RFC 8259). XML says its encoding by a
 * byte order mark or its declaration (`<?xml version="1.0" encoding="ISO-8859-1"?>`,
 * as older CMSs of pemda sites still write), else it is UTF-8 too. Bytes that do
 * not fit the encoding reject the feed: nothing is guessed.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // The declaration is ASCII in every encoding a declaration can name here.
  const head = String.fromCharCode(...bytes.subarray(0, 128));
  const declared = /^<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  return declared?.toLowerCase() ?? 'utf-8';
}

export function decodeFeedBody(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_FEED_BYTES) throw new FeedRejection('too_large', String(bytes.byteLength));
  const encoding = encodingOf(bytes);
  let decoder = utf8;
  if (encoding !== 'utf-8' && encoding !== 'utf8') {
    try {
      decoder = new TextDecoder(encoding, { fatal: true });
    } catch {
      throw new FeedRejection('bad_encoding', `unknown encoding ${encoding}`);
    }
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new FeedRejection('bad_encoding', `invalid ${encoding}`);
  }
}
