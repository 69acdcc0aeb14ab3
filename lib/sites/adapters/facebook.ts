import { closestAny, findInDialogsFirst, isShown, onHosts } from '../dom-query';
import { linksMatching } from '../link-signal';
import type { SiteAdapter } from '../types';

/**
 * Facebook (SITES.md): Lexical in the "Create post" dialog. No API answer worth
 * watching: the post is accepted when the dialog closes after the user's click on
 * Post; its link is the new article's, when one appears.
 */

const HOSTS = ['www.facebook.com', 'facebook.com', 'web.facebook.com', 'm.facebook.com'];
const EDITORS = [
  'div[role="textbox"][data-lexical-editor="true"][contenteditable="true"]',
  '[role="dialog"] div[contenteditable="true"][role="textbox"]',
];
// The label follows the UI language: "Post" (English), "Posting" (Indonesian).
const SUBMITS = ['[role="dialog"] div[role="button"][aria-label="Post"]', '[role="dialog"] div[role="button"][aria-label="Posting"]'];
const POST_LINKS = '[role="article"] a[href*="/posts/"], [role="article"] a[href*="/permalink.php"]';
/** After the dialog closed, how long to wait for the new article and its link. */
const LINK_WAIT_MS = 6000;


export const facebookAdapter: SiteAdapter = {
  platform: 'facebook',
  hosts: HOSTS,
  findComposer(doc) {
    const editor = findInDialogsFirst(doc, '[role="dialog"]', EDITORS);
    return editor ? { editor, anchor: editor.parentElement } : null;
  },
  insertWith: ['beforeinput', 'paste', 'execCommand'],
  isSubmit: (target) => closestAny(target, SUBMITS) !== null,
  submitsOnKey: () => false,
  signal: 'page',
  rememberBeforeSubmit: (doc) => new Set(linksMatching(doc, POST_LINKS)),
  findPublished(doc, attempt, now) {
    const editor = attempt.composer?.editor;
    if (editor && editor.isConnected && isShown(editor)) return undefined;
    const before = attempt.before as Set<string>;
    const fresh = linksMatching(doc, POST_LINKS).find((href) => !before.has(href));
    if (fresh) return fresh;
    return now - attempt.startedAt > LINK_WAIT_MS ? null : undefined;
  },
  isPermalink: (url) =>
    onHosts(url, HOSTS) && (/^\/[\w.-]+\/posts\/[\w-]+\/?$/.test(url.pathname) || url.pathname === '/permalink.php'),
};
