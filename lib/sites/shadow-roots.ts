/**
 * The open shadow roots of a page, for the adapters' finders and the composer watch.
 * Sites now render composers inside them (LinkedIn's `#interop-outlet`, since May 2026;
 * webbrain-one/webbrain PR #461, 2026-07-22). A page tells nobody when it attaches a
 * shadow root, so the roots are found by walking the elements; Siar's own `<siar-root>`
 * is skipped. Closed roots stay out of reach.
 *
 * A walk visits every element, so it is rationed (tests/bench/sites.bench.ts: a timeline
 * streaming in must not pay for it):
 * - none in the first `WALK_MS` after the script started (the document is searched on its
 *   own then; a composer in a shadow root is found by the next walk);
 * - after the user acted (`rescanShadowRoots`: a click may have opened a composer), at most
 *   one walk per `USER_WALK_MS`; `rescanShadowRoots(true)` walks on the next call whatever
 *   the time (Siar's own Insert button);
 * - otherwise one walk after `WALK_MS`, and each walk that the user did not ask for doubles
 *   the wait before the next one, up to `MAX_WALK_MS`.
 */

const WALK_MS = 2000;
const USER_WALK_MS = 1000;
const MAX_WALK_MS = 60_000;

let known: ShadowRoot[] = [];
let lastWalk = typeof performance === 'undefined' ? 0 : performance.now();
let interval = WALK_MS;
let wanted: 'no' | 'user' | 'now' = 'no';
const listeners = new Set<(root: ShadowRoot) => void>();

function walk(doc: Document): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (root: Document | ShadowRoot) => {
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
      const shadow = node.shadowRoot;
      if (shadow && node.localName !== 'siar-root') {
        found.push(shadow);
        visit(shadow);
      }
    }
  };
  visit(doc);
  return found;
}

function due(now: number): boolean {
  const since = now - lastWalk;
  if (wanted === 'now' || (wanted === 'user' && since >= USER_WALK_MS)) {
    interval = WALK_MS;
    return true;
  }
  if (since < interval) return false;
  interval = Math.min(interval * 2, MAX_WALK_MS);
  return true;
}

/** The open shadow roots still in the page (walked again when one is due, see above). */
export function openShadowRoots(doc: Document, now = performance.now()): readonly ShadowRoot[] {
  if (due(now)) {
    lastWalk = now;
    wanted = 'no';
    const before = new Set(known);
    known = walk(doc);
    for (const root of known) if (!before.has(root)) for (const listener of listeners) listener(root);
  } else if (known.some((root) => !root.host.isConnected)) {
    known = known.filter((root) => root.host.isConnected);
  }
  return known;
}

/** Calls `listener` for every shadow root found from now on (the composer watch observes them). */
export function onShadowRoot(listener: (root: ShadowRoot) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The user acted (a composer may have opened): walk again soon, or on the next call when `now`. */
export function rescanShadowRoots(now = false): void {
  if (now) wanted = 'now';
  else if (wanted === 'no') wanted = 'user';
}

/** Tests: forget what was found; the next call walks. */
export function resetShadowRoots(): void {
  known = [];
  wanted = 'now';
  interval = WALK_MS;
}
