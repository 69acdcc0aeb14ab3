import { closestAny, isModEnter, onHosts, queryFirst } from '../dom-query';
import { newLinkSignal } from '../link-signal';
import type { SiteAdapter } from '../types';

/**
 * LinkedIn (SITES.md): Quill 1 in the share box (synthetic paste does not reach
 * Quill 1; `execCommand` does); the "Post successful." toast links to the post.
 */

const HOSTS = ['www.linkedin.com', 'linkedin.com'];
const EDITORS = ['.ql-editor[role="textbox"][contenteditable="true"]', '.share-box .ql-editor[contenteditable="true"]'];
const SUBMITS = ['button.share-actions__primary-action'];
const TOAST_LINKS = 'a.artdeco-toast-item__cta[href*="/feed/update/"]';

export const linkedinAdapter: SiteAdapter = {
  platform: 'linkedin',
  hosts: HOSTS,
  findComposer(doc) {
    const editor = queryFirst(doc, EDITORS);
    return editor ? { editor, anchor: editor.closest('.ql-container') ?? editor } : null;
  },
  insertWith: ['execCommand', 'paste', 'beforeinput'],
  isSubmit: (target) => closestAny(target, SUBMITS) !== null,
  submitsOnKey: isModEnter,
  signal: 'page',
  ...newLinkSignal(TOAST_LINKS),
  isPermalink: (url) => onHosts(url, HOSTS) && /^\/feed\/update\/urn:li:(activity|share|ugcPost):\d+\/?$/.test(url.pathname),
};
