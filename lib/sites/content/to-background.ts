import type { GetDataType, GetReturnType, Message } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { ProtocolMap } from '../../messaging';

/**
 * The content scripts' side of `messenger` (lib/messaging.ts), without its bundle.
 *
 * `@webext-core/messaging` brings its own webextension-polyfill and serialize-error, whose
 * set-up runs on every load of every page of a social site (issue 11, "Cost"; measured by
 * tests/bench/sites.bench.ts). A content script only sends, and only in reply to its own
 * calls, so it speaks the library's message format over the browser's own promise-based
 * `runtime.sendMessage` (Chrome MV3, Firefox): `{ id, type, data, timestamp }` out,
 * `{ res }` or `{ err }` back (or the polyfill's own rejection, for a listener that throws
 * before it returns a promise). The background keeps `messenger.onMessage`;
 * tests/unit/sites/to-background.test.ts sends through that real listener.
 */

let nextId = Math.floor(Math.random() * 10_000);

interface Answer {
  res?: unknown;
  err?: { message?: unknown } | null;
  /** webextension-polyfill's answer when the listener threw synchronously. */
  __mozWebExtensionPolyfillReject__?: boolean;
  message?: unknown;
}

const reason = (type: string, message: unknown) => new Error(typeof message === 'string' ? message : `${type} failed`);

export async function sendToBackground<K extends keyof ProtocolMap>(
  type: K,
  data: GetDataType<ProtocolMap[K]>,
): Promise<GetReturnType<ProtocolMap[K]>> {
  const message: Message<ProtocolMap, K> = { id: nextId++, type, data, timestamp: Date.now() };
  const answer = (await browser.runtime.sendMessage(message)) as Answer | undefined;
  if (answer == null) throw new Error(`No answer to ${type}`);
  if (answer.err != null) throw reason(type, answer.err.message);
  if (answer.__mozWebExtensionPolyfillReject__) throw reason(type, answer.message);
  return answer.res as GetReturnType<ProtocolMap[K]>;
}
