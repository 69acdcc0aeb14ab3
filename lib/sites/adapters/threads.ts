import { findInDialogsFirst, isModEnter, onHosts } from '../dom-query';
import { newLinkSignal } from '../link-signal';
import type { SiteAdapter } from '../types';

/** Threads (SITES.md): Lexical in the composer dialog; the "Posted" toast's "View" link is the permalink. */

const HOSTS = ['www.threads.com', 'threads.com', 'www.threads.net', 'threads.net'];
const EDITORS = ['div[role="textbox"][data-lexical-editor="true"][contenteditable="true"]', 'div[contenteditable="true"][role="textbox"]'];
const SUBMIT_LABELS = /^(Post|Posting|Kirim)$/i;
const TOAST_LINKS = '[role="alert"] a[href*="/post/"], [role="status"] a[href*="/post/"]';

export const threadsAdapter: SiteAdapter = {
  platform: 'threads',
  hosts: HOSTS,
  findComposer(doc) {
    const editor = findInDialogsFirst(doc, '[role="dialog"]', EDITORS);
    return editor ? { editor, anchor: editor } : null;
  },
  insertWith: ['beforeinput', 'paste', 'execCommand'],
  isSubmit(target) {
    const button = target.closest('[role="dialog"] [role="button"]');
    return button !== null && SUBMIT_LABELS.test(button.textContent?.trim() ?? '');
  },
  submitsOnKey: isModEnter,
  signal: 'page',
  ...newLinkSignal(TOAST_LINKS),
  isPermalink: (url) => onHosts(url, HOSTS) && /^\/@[\w.]+\/post\/[\w-]+\/?$/.test(url.pathname),
};
