import type { PostAnswer } from '../types';

/**
 * The channel between the page-world watcher (page-watcher.ts) and the isolated
 * content script.
 *
 * Threat model. Page scripts share the DOM with both worlds, and the page-world watcher
 * shares every JavaScript global with them: they can dispatch any event, post any
 * message, wrap any function they can reach (fetch and XHR included, before or after
 * the watcher wraps them), and insert fake toasts. What they must not be able to do is
 * make Siar report a post the user did not make, or send a report elsewhere.
 * - The two worlds agree on a random key at `document_start` and name later events
 *   `siar-<key>-…`. This keeps out page code that starts later and was never told the
 *   key; it is NOT a secret against the page. The key crosses the shared DOM as an
 *   event, the order of the two worlds' `document_start` scripts is not guaranteed, and
 *   code of the same origin that runs earlier (an opener or parent frame reaching into
 *   this document, a service worker rewriting the HTML, an extension) can see it.
 *   Treat every watcher answer as a hint that the page could have forged.
 * - So nothing rests on the answer alone. The isolated side arms the watcher only on
 *   a trusted (`isTrusted`) click on the site's submit control or a trusted send key in
 *   the composer, with a fresh request id, and accepts one answer per armed id within
 *   the attempt's time. The answer carries a post id and a handle only; the isolated
 *   side builds the link, and the background checks it against the platform's permalink
 *   shape and the tab's URL, records only the item tied to that tab, and only when the
 *   composer's text at the click carries that item's caption. The caption and the
 *   receiver come from the background's copy of the feed, never from the page.
 * What remains: a page that can run code here can forge the link of a post the user
 * really made (or report it as made when the site refused it). It could post for real
 * too; Siar never reports without the user's own click on the site's post button.
 */

export const KEY_EVENT = 'siar-page-key';
export const HELLO_EVENT = 'siar-page-hello';
export const armEvent = (key: string) => `siar-${key}-arm`;
export const postEvent = (key: string) => `siar-${key}-post`;
export const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Before the first page script has been parsed, no page code can be listening. */
export function beforePageScripts(doc: Document): boolean {
  return doc.scripts.length === 0;
}

export interface PageChannel {
  /** Arms the watcher for one submit; returns the request id its answer must carry. */
  arm(): string;
  /** Whether the watcher took the key (false where no page-world script runs). */
  ready(): boolean;
}

function validAnswer(detail: unknown): { req: string; answer: PostAnswer } | null {
  if (typeof detail !== 'string' || detail.length > 1000) return null;
  try {
    const value = JSON.parse(detail) as Record<string, unknown>;
    const { req, id, handle, url } = value;
    if (typeof req !== 'string' || typeof id !== 'string' || typeof handle !== 'string') return null;
    if (id.length > 100 || handle.length > 200) return null;
    if (url !== undefined && (typeof url !== 'string' || url.length > 500)) return null;
    return { req, answer: typeof url === 'string' ? { id, handle, url } : { id, handle } };
  } catch {
    return null;
  }
}

/** The isolated side. Must be called at `document_start`. */
export function openPageChannel(doc: Document, onAnswer: (req: string, answer: PostAnswer) => void): PageChannel {
  const key = crypto.randomUUID();
  let ready = false;
  const sendKey = () => {
    if (!beforePageScripts(doc)) return;
    doc.dispatchEvent(new CustomEvent(KEY_EVENT, { detail: key }));
  };
  // The watcher may already be listening (it ran first), or say hello once it runs.
  const onHello = () => {
    doc.removeEventListener(HELLO_EVENT, onHello);
    sendKey();
  };
  doc.addEventListener(HELLO_EVENT, onHello);
  sendKey();
  doc.addEventListener(postEvent(key), (event) => {
    const found = validAnswer((event as CustomEvent).detail);
    if (found) onAnswer(found.req, found.answer);
  });
  // The watcher confirms it took the key with an empty answer.
  doc.addEventListener(postEvent(key), () => (ready = true), { once: true });
  return {
    arm() {
      const req = crypto.randomUUID();
      doc.dispatchEvent(new CustomEvent(armEvent(key), { detail: req }));
      return req;
    },
    ready: () => ready,
  };
}
