import { shownLinks } from './dom-query';
import type { Candidate, SiteAdapter } from './types';

/**
 * The published signal of sites whose confirmation toast links to the new post
 * (Threads, LinkedIn, X's toast): a matching link that was not on the page at the submit.
 * `accept` narrows further (e.g. only links whose text is "View").
 */
export function newLinkSignal(
  candidates: readonly Candidate[],
  accept: (href: string, doc: Document) => boolean = () => true,
): Pick<SiteAdapter, 'rememberBeforeSubmit' | 'findPublished'> {
  return {
    rememberBeforeSubmit: (doc) => new Set(shownLinks(doc, candidates)),
    findPublished(doc, attempt) {
      const before = attempt.before as Set<string>;
      return shownLinks(doc, candidates).find((href) => !before.has(href) && accept(href, doc));
    },
  };
}
