import { closestCandidate, findInDialogsFirst, isModEnter, onHosts, queryDeepAll } from '../dom-query';
import { newLinkSignal } from '../link-signal';
import type { SiteAdapter, SiteCandidates } from '../types';

/**
 * Threads: Lexical in the composer dialog. Once posted, a "Posted" toast with a "View"
 * link to the new post; the toast does not always carry role=alert|status, so a new
 * `/post/` link whose text is "View" counts too (never a timeline post's link).
 */

const HOSTS = ['www.threads.com', 'threads.com', 'www.threads.net', 'threads.net'];
const SUBMIT_LABELS = /^(Post|Posting|Kirim)$/i;
const VIEW_LABELS = /^(View|Lihat)$/i;

export const THREADS_CANDIDATES: SiteCandidates = {
  composer: [
    { css: 'div[role="textbox"][data-lexical-editor="true"][contenteditable="true"]', seen: 'threads.com 2026: Lexical in the New thread dialog (SITES.md)' },
    { css: 'div[contenteditable="true"][role="textbox"]', seen: 'fallback: the dialog\'s textbox without Lexical\'s marker' },
  ],
  submit: [{ css: '[role="dialog"] [role="button"]', seen: 'threads.com 2026: div role=button "Post" in the dialog (text checked: Post / Posting / Kirim)' }],
  confirmation: [
    { css: '[role="alert"]', seen: 'threads.com 2025: toast "Posted" as role=alert' },
    { css: '[role="status"]', seen: 'threads.com: toast as role=status' },
  ],
  permalink: [
    { css: '[role="alert"] a[href*="/post/"]', seen: 'threads.com 2025: the toast\'s "View" → /@user/post/<code>' },
    { css: '[role="status"] a[href*="/post/"]', seen: 'threads.com: same, role=status' },
    { css: 'a[href*="/post/"]', seen: 'threads.com 2026: the "Posted" toast without a role; only a new link whose text is "View" counts' },
  ],
};

function isViewLink(href: string, doc: Document): boolean {
  return queryDeepAll<HTMLAnchorElement>(doc, 'a[href*="/post/"]').some(
    (link) => link.href === href && (VIEW_LABELS.test(link.textContent?.trim() ?? '') || link.closest('[role="alert"], [role="status"]') !== null),
  );
}

export const threadsAdapter: SiteAdapter = {
  platform: 'threads',
  hosts: HOSTS,
  candidates: THREADS_CANDIDATES,
  findComposer(doc) {
    const editor = findInDialogsFirst(doc, '[role="dialog"]', THREADS_CANDIDATES.composer);
    return editor ? { editor, anchor: editor } : null;
  },
  insertWith: ['beforeinput', 'paste', 'execCommand'],
  isSubmit(target) {
    const button = closestCandidate(target, THREADS_CANDIDATES.submit);
    return button !== null && SUBMIT_LABELS.test(button.textContent?.trim() ?? '');
  },
  submitsOnKey: isModEnter,
  signal: 'page',
  ...newLinkSignal(THREADS_CANDIDATES.permalink, isViewLink),
  isPermalink: (url) => onHosts(url, HOSTS) && /^\/@[\w.]+\/post\/[\w-]+\/?$/.test(url.pathname),
};
