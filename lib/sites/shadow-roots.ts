/**
 * The open shadow roots of a page, for the adapters' finders and the composer watch.
 * Sites now render composers inside them (LinkedIn's `#interop-outlet`, since May 2026;
 * webbrain-one/webbrain PR #461, 2026-07-22). A page tells nobody when it attaches a
 * shadow root, so the roots are found by walking the elements, at most once per
 * `WALK_MS`; Siar's own `<siar-root>` is skipped. Closed roots stay out of reach.
 */

const WALK_MS = 2000;

let known: ShadowRoot[] = [];
let lastWalk = -Infinity;
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

/** The open shadow roots still in the page (re-walked when the last walk is older than `WALK_MS`). */
export function openShadowRoots(doc: Document, now = performance.now()): readonly ShadowRoot[] {
  if (now - lastWalk >= WALK_MS) {
    lastWalk = now;
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

/** The next search walks the page again (the user acted: a composer may have opened). */
export function rescanShadowRoots(): void {
  lastWalk = -Infinity;
}

/** Tests: forget what was found. */
export function resetShadowRoots(): void {
  known = [];
  lastWalk = -Infinity;
}
