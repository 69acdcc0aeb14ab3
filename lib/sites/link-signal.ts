import type { SiteAdapter } from './types';

export function linksMatching(doc: Document, selector: string): string[] {
  return [...doc.querySelectorAll<HTMLAnchorElement>(selector)].map((link) => link.href);
}

/**
 * The published signal of sites whose confirmation toast links to the new post
 * (Threads, LinkedIn): a matching link that was not on the page at the submit.
 */
export function newLinkSignal(selector: string): Pick<SiteAdapter, 'rememberBeforeSubmit' | 'findPublished'> {
  return {
    rememberBeforeSubmit: (doc) => new Set(linksMatching(doc, selector)),
    findPublished(doc, attempt) {
      const before = attempt.before as Set<string>;
      return linksMatching(doc, selector).find((href) => !before.has(href));
    },
  };
}
