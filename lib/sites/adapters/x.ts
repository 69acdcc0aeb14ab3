import { closestAny, findInDialogsFirst, isModEnter, onHosts, queryFirst } from '../dom-query';
import type { SiteAdapter } from '../types';

/** X (SITES.md): Draft.js; CreateTweet's answer carries the post id and the handle. */

const HOSTS = ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'];
const EDITORS = [
  '[data-testid^="tweetTextarea_"][contenteditable="true"]',
  '.public-DraftEditor-content[contenteditable="true"]',
  'div[role="textbox"][contenteditable="true"]',
];
const CONTAINERS = ['[data-testid$="RichTextInputContainer"]', '.DraftEditor-root'];
const SUBMITS = ['[data-testid="tweetButton"]', '[data-testid="tweetButtonInline"]'];
const TOAST_LINKS = ['[data-testid="toast"] a[href*="/status/"]'];

export const xAdapter: SiteAdapter = {
  platform: 'x',
  hosts: HOSTS,
  findComposer(doc) {
    const editor = findInDialogsFirst(doc, '[role="dialog"]', EDITORS);
    if (!editor) return null;
    return { editor, anchor: closestAny(editor, CONTAINERS) };
  },
  insertWith: ['paste', 'beforeinput', 'execCommand'],
  isSubmit: (target) => closestAny(target, SUBMITS) !== null,
  submitsOnKey: isModEnter,
  signal: 'network',
  findPublished(doc) {
    const link = queryFirst<HTMLAnchorElement>(doc, TOAST_LINKS);
    return link ? link.href : undefined;
  },
  permalinkFromAnswer({ id, handle }, pageUrl) {
    if (!/^\d{1,25}$/.test(id) || !/^\w{1,15}$/.test(handle)) return null;
    const host = new URL(pageUrl).hostname.endsWith('twitter.com') ? 'twitter.com' : 'x.com';
    return `https://${host}/${handle}/status/${id}`;
  },
  isPermalink: (url) => onHosts(url, HOSTS) && /^\/\w{1,15}\/status\/\d{1,25}$/.test(url.pathname),
};
