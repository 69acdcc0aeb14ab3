import type { PlatformId } from '../share/platforms';

/** How text is put into an editor (SITES.md, "Editors and insertion"). */
export type InsertStrategy = 'paste' | 'beforeinput' | 'execCommand' | 'textareaSetter';

/** How Siar learns that the site accepted a post. */
export type PublishSignal =
  /** The site's own API answer, seen by the page-world watcher (post id / handle), with a DOM fallback. */
  | 'network'
  /** A toast or a closing dialog in the page. */
  | 'page'
  /** Nothing visible (private chats): after sending, Siar asks the user. */
  | 'ask';

/** What the page-world watcher hands back: only these fields, as plain strings. */
export interface PostAnswer {
  id: string;
  handle: string;
  /** The post's own link where the answer carries one (Mastodon's Status `url`). */
  url?: string;
}

/** The four things Siar looks for on a site (and counts in the site check). */
export type SiteRole = 'composer' | 'submit' | 'confirmation' | 'permalink';

/**
 * One way to find a role's element: a CSS selector, and where and when it was seen on
 * the live site (the evidence, so that a stale candidate can be recognised and dropped).
 */
export interface Candidate {
  css: string;
  seen: string;
}

/** Per role, the candidates in order: the first visible, connected match wins. */
export type SiteCandidates = Record<SiteRole, readonly Candidate[]>;

/** A submit the user made, as adapters see it when they look for the site's confirmation. */
export interface SubmitAttempt {
  composer: FoundComposer | null;
  /** What `rememberBeforeSubmit` noted (e.g. the posts already on the page). */
  before: unknown;
  /** The composer's text at the submit (to recognise the user's own new post). */
  postedText: string | null;
  startedAt: number;
}

export interface FoundComposer {
  /** The element that holds the text (contenteditable or textarea). */
  editor: HTMLElement;
  /** Siar's button goes right after this element; null: the floating launcher. */
  anchor: Element | null;
}

/**
 * Everything Siar knows about one site, in one file per site. Selectors are hints
 * (sites change their markup): each list is tried in order, the first match wins.
 */
export interface SiteAdapter {
  platform: PlatformId;
  /** What the finders below try, in order, with their evidence (tests/unit/sites/registry.test.ts checks the notes). */
  candidates: SiteCandidates;
  /** Host names the content script runs on; empty for Mastodon, whose instances are the user's. */
  hosts: readonly string[];
  /** Finds the active composer: dialogs first, then the page's own. */
  findComposer(doc: Document): FoundComposer | null;
  /** Strategies tried in order until the read-back shows the caption. */
  insertWith: readonly InsertStrategy[];
  /** Whether a click target is (inside) the site's submit control. */
  isSubmit(target: Element): boolean;
  /** Whether a key press in the editor sends (Ctrl/⌘+Enter; plain Enter in chats). */
  submitsOnKey(event: KeyboardEvent): boolean;
  signal: PublishSignal;
  /** Notes what is on the page at the moment of the submit, for `findPublished`. */
  rememberBeforeSubmit?(doc: Document): unknown;
  /**
   * Looks at the page after a submit for the site's own confirmation (a toast, the
   * dialog closing). `undefined`: not yet; otherwise the post's link, or null when
   * the site confirmed without one.
   */
  findPublished?(doc: Document, attempt: SubmitAttempt, now: number): string | null | undefined;
  /** The permalink built from the watcher's answer (`network` sites). */
  permalinkFromAnswer?(answer: PostAnswer, pageUrl: string): string | null;
  /** The background only records post links that match this. */
  isPermalink(url: URL, pageUrl: URL): boolean;
  /** Instagram: the item's image goes into the create dialog's file input. */
  findFileInput?(doc: Document): HTMLInputElement | null;
}
