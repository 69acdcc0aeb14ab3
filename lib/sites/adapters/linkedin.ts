import { closestCandidate, findShown, isModEnter, onHosts } from '../dom-query';
import { newLinkSignal } from '../link-signal';
import type { SiteAdapter, SiteCandidates } from '../types';

/**
 * LinkedIn: Quill 1 in the share box (synthetic paste does not reach Quill 1; `execCommand`
 * does). Since May 2026 the share box is rendered inside the open shadow root of
 * `div#interop-outlet`: every finder searches open shadow roots too (dom-query.ts).
 */

const HOSTS = ['www.linkedin.com', 'linkedin.com'];

export const LINKEDIN_CANDIDATES: SiteCandidates = {
  composer: [
    { css: '.ql-editor[role="textbox"][contenteditable="true"]', seen: 'linkedin.com 2026-05+: inside #interop-outlet\'s open shadow root (webbrain-one/webbrain PR #461, 2026-07-22); before: in the page' },
    { css: '.ql-editor[contenteditable="true"]', seen: 'linkedin.com 2026: MultiPost-Extension src/sync/dynamic/linkedin.ts takes div.ql-editor[contenteditable] without the role' },
  ],
  submit: [{ css: 'button.share-actions__primary-action', seen: 'linkedin.com 2026: the share box\'s Post button (MultiPost-Extension linkedin.ts)' }],
  confirmation: [{ css: '.artdeco-toast-item', seen: 'linkedin.com: toast "Post successful." (SITES.md)' }],
  permalink: [{ css: 'a.artdeco-toast-item__cta[href*="/feed/update/"]', seen: 'linkedin.com: the toast\'s "View post" → /feed/update/urn:li:activity:<id>/ (SITES.md)' }],
};

export const linkedinAdapter: SiteAdapter = {
  platform: 'linkedin',
  hosts: HOSTS,
  candidates: LINKEDIN_CANDIDATES,
  findComposer(doc) {
    const editor = findShown(doc, LINKEDIN_CANDIDATES.composer);
    return editor ? { editor, anchor: editor.closest('.ql-container') ?? editor } : null;
  },
  insertWith: ['execCommand', 'paste', 'beforeinput'],
  isSubmit: (target) => closestCandidate(target, LINKEDIN_CANDIDATES.submit) !== null,
  submitsOnKey: isModEnter,
  signal: 'page',
  ...newLinkSignal(LINKEDIN_CANDIDATES.permalink),
  isPermalink: (url) => onHosts(url, HOSTS) && /^\/feed\/update\/urn:li:(activity|share|ugcPost):\d+\/?$/.test(url.pathname),
};
