import { closestCandidate, findInDialogsFirst, isModEnter, onHosts } from '../dom-query';
import type { SiteAdapter, SiteCandidates } from '../types';

/**
 * Bluesky: TipTap / ProseMirror. The record's `at://<did>/app.bsky.feed.post/<rkey>`
 * comes back from the user's PDS (createRecord or applyWrites), seen by the page-world watcher.
 */

const HOSTS = ['bsky.app'];

export const BLUESKY_CANDIDATES: SiteCandidates = {
  composer: [
    { css: 'div[role="textbox"][aria-label="Rich-Text Editor"]', seen: 'bsky.app 2025–2026: the TipTap editor in the composer dialog (SITES.md)' },
    { css: '.ProseMirror[contenteditable="true"]', seen: 'bsky.app: ProseMirror\'s own class, when the label changes' },
  ],
  submit: [{ css: 'button[data-testid="composerPublishBtn"]', seen: 'bsky.app 2025–2026: the composer\'s Post button (SITES.md)' }],
  confirmation: [],
  permalink: [],
};

export const blueskyAdapter: SiteAdapter = {
  platform: 'bluesky',
  hosts: HOSTS,
  candidates: BLUESKY_CANDIDATES,
  findComposer(doc) {
    const editor = findInDialogsFirst(doc, '[role="dialog"]', BLUESKY_CANDIDATES.composer);
    return editor ? { editor, anchor: editor.parentElement } : null;
  },
  insertWith: ['paste', 'execCommand'],
  isSubmit: (target) => closestCandidate(target, BLUESKY_CANDIDATES.submit) !== null,
  submitsOnKey: isModEnter,
  signal: 'network',
  permalinkFromAnswer({ id, handle }) {
    if (!/^[A-Za-z0-9._~:-]{1,64}$/.test(id) || !/^did:[a-z0-9]+:[A-Za-z0-9._:%-]{1,200}$/.test(handle)) return null;
    return `https://bsky.app/profile/${handle}/post/${id}`;
  },
  isPermalink: (url) => onHosts(url, HOSTS) && /^\/profile\/[^/]+\/post\/[A-Za-z0-9._~:-]+$/.test(url.pathname),
};
