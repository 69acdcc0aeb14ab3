import { closestAny, findInDialogsFirst, isModEnter, onHosts } from '../dom-query';
import type { SiteAdapter } from '../types';

/**
 * Bluesky (SITES.md): TipTap / ProseMirror. The record's `at://<did>/app.bsky.feed.post/<rkey>`
 * comes back from the user's PDS (createRecord or applyWrites), seen by the page-world watcher.
 */

const HOSTS = ['bsky.app'];
const EDITORS = ['div[role="textbox"][aria-label="Rich-Text Editor"]', '.ProseMirror[contenteditable="true"]'];
const SUBMITS = ['button[data-testid="composerPublishBtn"]'];

export const blueskyAdapter: SiteAdapter = {
  platform: 'bluesky',
  hosts: HOSTS,
  findComposer(doc) {
    const editor = findInDialogsFirst(doc, '[role="dialog"]', EDITORS);
    return editor ? { editor, anchor: editor.parentElement } : null;
  },
  insertWith: ['paste', 'execCommand'],
  isSubmit: (target) => closestAny(target, SUBMITS) !== null,
  submitsOnKey: isModEnter,
  signal: 'network',
  permalinkFromAnswer({ id, handle }) {
    if (!/^[A-Za-z0-9._~:-]{1,64}$/.test(id) || !/^did:[a-z0-9]+:[A-Za-z0-9._:%-]{1,200}$/.test(handle)) return null;
    return `https://bsky.app/profile/${handle}/post/${id}`;
  },
  isPermalink: (url) => onHosts(url, HOSTS) && /^\/profile\/[^/]+\/post\/[A-Za-z0-9._~:-]+$/.test(url.pathname),
};
