import { closestCandidate, findShown, isModEnter } from '../dom-query';
import type { SiteAdapter, SiteCandidates } from '../types';

/**
 * Mastodon, on the instances the user (or policy) names: a React `<textarea>`;
 * `POST /api/v1/statuses` answers with the new Status, whose own `url` is the link.
 */

export const MASTODON_CANDIDATES: SiteCandidates = {
  composer: [
    { css: 'textarea.autosuggest-textarea__textarea', seen: 'Mastodon 4.x web UI: the compose form\'s React textarea (SITES.md)' },
    { css: '.compose-form textarea', seen: 'Mastodon: any textarea in the compose form' },
  ],
  submit: [
    { css: '.compose-form__submit button', seen: 'Mastodon 4.3+: .compose-form__submit > button[type=submit]' },
    { css: '.compose-form__publish button', seen: 'Mastodon ≤4.2: .compose-form__publish-button-wrapper > button' },
    { css: '.compose-form button[type="submit"]', seen: 'Mastodon: the form\'s submit' },
  ],
  confirmation: [],
  permalink: [],
};

const PERMALINK = /^\/@\w{1,64}\/\d{1,30}$/;

export const mastodonAdapter: SiteAdapter = {
  platform: 'mastodon',
  hosts: [],
  candidates: MASTODON_CANDIDATES,
  findComposer(doc) {
    const editor = findShown(doc, MASTODON_CANDIDATES.composer);
    return editor ? { editor, anchor: editor.closest('.compose-form__highlightable, .autosuggest-textarea') ?? editor } : null;
  },
  insertWith: ['textareaSetter', 'execCommand'],
  isSubmit: (target) => closestCandidate(target, MASTODON_CANDIDATES.submit) !== null,
  submitsOnKey: isModEnter,
  signal: 'network',
  permalinkFromAnswer({ id, handle, url }, pageUrl) {
    const origin = new URL(pageUrl).origin;
    // The Status' own `url` (the instance may not serve it at a rebuilt /@user/id).
    if (url) {
      try {
        const own = new URL(url);
        if (own.origin === origin && PERMALINK.test(own.pathname)) return own.href;
      } catch {
        // Fall through to the rebuilt link.
      }
    }
    if (!/^\d{1,30}$/.test(id) || !/^\w{1,64}$/.test(handle)) return null;
    return `${origin}/@${handle}/${id}`;
  },
  isPermalink: (url, pageUrl) => url.origin === pageUrl.origin && PERMALINK.test(url.pathname),
};
