/** Selector lists: sites change markup, so each hint has fallbacks, tried in order. */

export function queryFirst<T extends Element = HTMLElement>(root: ParentNode, selectors: readonly string[]): T | null {
  for (const selector of selectors) {
    const found = root.querySelector<T & Element>(selector);
    if (found) return found as T;
  }
  return null;
}

export function closestAny(target: Element, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = target.closest(selector);
    if (found) return found;
  }
  return null;
}

/** Whether an element is laid out (hidden composers in closed dialogs do not count). */
export function isShown(element: Element): boolean {
  return element.getClientRects().length > 0;
}

/** The first visible match inside any open dialog, else in the page. */
export function findInDialogsFirst(doc: Document, dialogSelector: string, selectors: readonly string[]): HTMLElement | null {
  for (const dialog of doc.querySelectorAll(dialogSelector)) {
    const inDialog = queryFirst(dialog, selectors);
    if (inDialog && isShown(inDialog)) return inDialog;
  }
  for (const selector of selectors) {
    for (const found of doc.querySelectorAll<HTMLElement>(selector)) if (isShown(found)) return found;
  }
  return null;
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
