import { closestCandidate, findInDialogsFirst, isModEnter, onHosts } from '../dom-query';
import { newLinkSignal } from '../link-signal';
import type { SiteAdapter, SiteCandidates } from '../types';

/**
 * X: Draft.js. The post's link comes from the GraphQL answer (CreateTweet, or CreateNoteTweet
 * for long posts; lib/sites/post-endpoints.ts), else from the "Your post was sent" toast.
 */

const HOSTS = ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'];

export const X_CANDIDATES: SiteCandidates = {
  composer: [
    { css: '[data-testid^="tweetTextarea_"][contenteditable="true"]', seen: 'x.com 2026: the Draft.js contenteditable carries data-testid tweetTextarea_0 (_1… in threads), home and Post dialog' },
    { css: '.public-DraftEditor-content[contenteditable="true"]', seen: 'x.com 2024–2026: Draft.js own class, when the test ids are stripped' },
    { css: 'div[role="textbox"][contenteditable="true"]', seen: 'generic fallback: any textbox in the Post dialog or on the page' },
  ],
  submit: [
    { css: '[data-testid="tweetButton"]', seen: 'x.com 2026: the Post button of the dialog and of /intent/tweet' },
    { css: '[data-testid="tweetButtonInline"]', seen: 'x.com 2026: the Post button of the home timeline composer' },
  ],
  confirmation: [{ css: '[data-testid="toast"]', seen: 'x.com 2026: toast "Your post was sent" with a View link' }],
  permalink: [{ css: '[data-testid="toast"] a[href*="/status/"]', seen: 'x.com 2026: the toast\'s View link /<handle>/status/<id>' }],
};
const CONTAINERS = [
  { css: '[data-testid$="RichTextInputContainer"]', seen: 'x.com 2026: tweetTextarea_0RichTextInputContainer around the editor' },
  { css: '.DraftEditor-root', seen: 'Draft.js own root' },
];

export const xAdapter: SiteAdapter = {
  platform: 'x',
  hosts: HOSTS,
  candidates: X_CANDIDATES,
  findComposer(doc) {
    const editor = findInDialogsFirst(doc, '[role="dialog"]', X_CANDIDATES.composer);
    return editor ? { editor, anchor: closestCandidate(editor, CONTAINERS) } : null;
  },
  insertWith: ['paste', 'beforeinput', 'execCommand'],
  isSubmit: (target) => closestCandidate(target, X_CANDIDATES.submit) !== null,
  submitsOnKey: isModEnter,
  signal: 'network',
  ...newLinkSignal(X_CANDIDATES.permalink),
  permalinkFromAnswer({ id, handle }, pageUrl) {
    if (!/^\d{1,25}$/.test(id) || !/^\w{1,15}$/.test(handle)) return null;
    const host = new URL(pageUrl).hostname.endsWith('twitter.com') ? 'twitter.com' : 'x.com';
    return `https://${host}/${handle}/status/${id}`;
  },
  isPermalink: (url) => onHosts(url, HOSTS) && /^\/\w{1,15}\/status\/\d{1,25}$/.test(url.pathname),
};
