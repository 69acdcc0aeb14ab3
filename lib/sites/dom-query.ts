import { openShadowRoots } from './shadow-roots';
import type { Candidate } from './types';

/**
 * Finding a site's elements from its candidates (types.ts): in the document and in every
 * open shadow root (LinkedIn's composer lives in `#interop-outlet`'s since May 2026).
 * Only connected, laid-out elements count: sites keep hidden copies of their composers.
 */

/**
 * Whether an element is in the page and has a box (hidden composers in closed dialogs do not
 * count). `checkVisibility` brings the page's style up to date but, unlike `getClientRects`,
 * does not lay the page out: a check while a timeline streams in would otherwise force an
 * extra layout of the whole timeline (tests/bench/sites.bench.ts).
 */
export function isShown(element: Element): boolean {
  if (!element.isConnected) return false;
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : element.getClientRects().length > 0;
}

/** The document, then every open shadow root Siar knows of. */
export function searchRoots(doc: Document): (Document | ShadowRoot)[] {
  return [doc, ...openShadowRoots(doc)];
}

/** Every match of `css` in the document and its open shadow roots. */
export function queryDeepAll<T extends Element = HTMLElement>(doc: Document, css: string): T[] {
  return searchRoots(doc).flatMap((root) => [...root.querySelectorAll<T & Element>(css)] as T[]);
}

/** The first shown match, candidate by candidate; within `scope` when given. */
export function findShown<T extends Element = HTMLElement>(
  doc: Document,
  candidates: readonly Candidate[],
  scope?: readonly ParentNode[],
): T | null {
  const roots = scope ?? searchRoots(doc);
  for (const { css } of candidates) {
    for (const root of roots) {
      for (const found of root.querySelectorAll<T & Element>(css)) if (isShown(found)) return found as T;
    }
  }
  return null;
}

/** The first shown match inside any open dialog (`dialogCss`, in any root), else anywhere. */
export function findInDialogsFirst(doc: Document, dialogCss: string, candidates: readonly Candidate[]): HTMLElement | null {
  const dialogs = queryDeepAll(doc, dialogCss).filter(isShown);
  return (dialogs.length > 0 ? findShown(doc, candidates, dialogs) : null) ?? findShown(doc, candidates);
}

/** `closest`, crossing out of shadow roots into their hosts. */
export function closestComposed(target: Element, css: string): Element | null {
  for (let node: Element | null = target; node; ) {
    const found = node.closest(css);
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

export function closestCandidate(target: Element, candidates: readonly Candidate[]): Element | null {
  for (const { css } of candidates) {
    const found = closestComposed(target, css);
    if (found) return found;
  }
  return null;
}

/** The `href`s of the shown links that match a candidate, in the document and its shadow roots. */
export function shownLinks(doc: Document, candidates: readonly Candidate[]): string[] {
  return candidates.flatMap(({ css }) =>
    queryDeepAll<HTMLAnchorElement>(doc, css)
      .filter(isShown)
      .map((link) => link.href),
  );
}

/** Ctrl+Enter or ⌘+Enter. */
export function isModEnter(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}

/** Enter alone (chats send on it). */
export function isPlainEnter(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey && !event.isComposing;
}

/** An https URL whose host is one of `hosts`. */
export function onHosts(url: URL, hosts: readonly string[]): boolean {
  return url.protocol === 'https:' && hosts.includes(url.hostname);
}

/** Content-script match patterns for a site's hosts. */
export function matchPatterns(hosts: readonly string[]): string[] {
  return hosts.map((host) => `https://${host}/*`);
}
