import { closestCandidate, findInDialogsFirst, isShown, onHosts, queryDeepAll, shownLinks } from '../dom-query';
import { comparableLines } from '../editor-text';
import type { Candidate, SiteAdapter, SiteCandidates } from '../types';

/**
 * Facebook: Lexical in the "Create post" dialog. The post is accepted when the dialog
 * closes after the user's click on Post. Its link is read only from the user's own new
 * post (the one that shows the posted text): in 2026 the feed no longer wraps posts in
 * [role=article], and a post's timestamp link gets its real href only on hover, so Siar
 * hovers it; a stranger's link is never taken.
 */

const HOSTS = ['www.facebook.com', 'facebook.com', 'web.facebook.com', 'm.facebook.com'];
/** After the dialog closed, how long to wait for the new post and its link. */
const LINK_WAIT_MS = 6000;

export const FACEBOOK_CANDIDATES: SiteCandidates = {
  composer: [
    { css: 'div[role="textbox"][data-lexical-editor="true"][contenteditable="true"]', seen: 'facebook.com 2025–2026: Lexical in the Create post dialog (SITES.md)' },
    { css: '[role="dialog"] div[contenteditable="true"][role="textbox"]', seen: 'facebook.com: the dialog\'s textbox without Lexical\'s marker' },
  ],
  submit: [
    { css: '[role="dialog"] div[role="button"][aria-label="Post"]', seen: 'facebook.com 2026, English UI: the dialog\'s Post button' },
    { css: '[role="dialog"] div[role="button"][aria-label="Posting"]', seen: 'facebook.com 2026, Indonesian UI: "Posting"' },
  ],
  confirmation: [{ css: '[role="dialog"] [data-lexical-editor="true"]', seen: 'facebook.com: its disappearance: the Create post dialog closes once Facebook took the post' }],
  permalink: [
    { css: 'a[href*="/posts/"]', seen: 'facebook.com: a post\'s timestamp link /<user>/posts/<id>; real href only on hover (hckr/fb-post-screenshot #33; Makepad-fr/fbjs #52)' },
    { css: 'a[href*="/permalink.php"]', seen: 'facebook.com: permalink.php?story_fbid=…, pages and older posts' },
  ],
};

/** Where one post's content ends: the older wrapper, or the 2026 feed's per-post action menu. */
const POSTS: readonly Candidate[] = [
  { css: '[role="article"]', seen: 'facebook.com ≤2025: each feed post is [role=article] (OpenCLI #1533, 2026-05-13, still sees it)' },
  { css: '[aria-label^="Actions for this post"], [aria-label^="Tindakan untuk postingan ini"]', seen: 'facebook.com 2026: no [role=article]; one "Actions for this post" menu per post (OpenCLI #2089, 2026-07-05; PR #2453, 2026-09-02)' },
];
const ACTIONS = POSTS[1]!.css;
const TIMESTAMPS = 'a[role="link"]:not([href]), a[href="#"], a[href^="#"]';

/** The 2026 feed: the widest ancestor of an action menu that holds no other post's menu. */
function postAround(menu: Element): Element {
  let post = menu;
  while (post.parentElement && post.parentElement !== post.ownerDocument.body && post.parentElement.querySelectorAll(ACTIONS).length === 1) {
    post = post.parentElement;
  }
  return post;
}

function posts(doc: Document): Element[] {
  const articles = queryDeepAll(doc, POSTS[0]!.css);
  return [...articles, ...queryDeepAll(doc, ACTIONS).map(postAround)].filter(isShown);
}

/** The user's own new post: it shows the first line of what they posted. */
function ownPost(doc: Document, postedText: string | null): Element | null {
  const first = comparableLines(postedText ?? '').split('\n')[0] ?? '';
  if (first === '') return null;
  return posts(doc).find((post) => comparableLines((post as HTMLElement).innerText ?? '').includes(first)) ?? null;
}

function hoverTimestamps(post: Element): void {
  for (const link of post.querySelectorAll(TIMESTAMPS)) {
    for (const type of ['mouseover', 'mouseenter', 'focusin']) link.dispatchEvent(new MouseEvent(type, { bubbles: type !== 'mouseenter' }));
  }
}

export const facebookAdapter: SiteAdapter = {
  platform: 'facebook',
  hosts: HOSTS,
  candidates: FACEBOOK_CANDIDATES,
  findComposer(doc) {
    const editor = findInDialogsFirst(doc, '[role="dialog"]', FACEBOOK_CANDIDATES.composer);
    return editor ? { editor, anchor: editor.parentElement } : null;
  },
  insertWith: ['beforeinput', 'paste', 'execCommand'],
  isSubmit: (target) => closestCandidate(target, FACEBOOK_CANDIDATES.submit) !== null,
  submitsOnKey: () => false,
  signal: 'page',
  rememberBeforeSubmit: (doc) => new Set(shownLinks(doc, FACEBOOK_CANDIDATES.permalink)),
  findPublished(doc, attempt, now) {
    const editor = attempt.composer?.editor;
    if (editor && isShown(editor)) return undefined;
    const timedOut = now - attempt.startedAt > LINK_WAIT_MS;
    const post = ownPost(doc, attempt.postedText);
    if (!post) return timedOut ? null : undefined;
    const before = attempt.before as Set<string>;
    const links = FACEBOOK_CANDIDATES.permalink.flatMap(({ css }) => [...post.querySelectorAll<HTMLAnchorElement>(css)].map((link) => link.href));
    const fresh = links.find((href) => !before.has(href));
    if (fresh) return fresh;
    hoverTimestamps(post);
    return timedOut ? null : undefined;
  },
  isPermalink: (url) =>
    onHosts(url, HOSTS) && (/^\/[\w.-]+\/posts\/[\w-]+\/?$/.test(url.pathname) || url.pathname === '/permalink.php'),
};
