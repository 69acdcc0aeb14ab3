import { closestAny, isModEnter, queryFirst } from '../dom-query';
import type { SiteAdapter } from '../types';

/**
 * Mastodon (SITES.md), on the instances the user (or policy) names: a React
 * `<textarea>`; `POST /api/v1/statuses` answers with the new status.
 */

const EDITORS = ['textarea.autosuggest-textarea__textarea', '.compose-form textarea'];
const SUBMITS = ['.compose-form button[type="submit"]', '.compose-form__publish button', '.compose-form__submit button'];

export const mastodonAdapter: SiteAdapter = {
  platform: 'mastodon',
  hosts: [],
  findComposer(doc) {
    const editor = queryFirst(doc, EDITORS);
    return editor ? { editor, anchor: editor.closest('.compose-form__highlightable, .autosuggest-textarea') ?? editor } : null;
  },
  insertWith: ['textareaSetter', 'execCommand'],
  isSubmit: (target) => closestAny(target, SUBMITS) !== null,
  submitsOnKey: isModEnter,
  signal: 'network',
  permalinkFromAnswer({ id, handle }, pageUrl) {
    if (!/^\d{1,30}$/.test(id) || !/^\w{1,64}$/.test(handle)) return null;
    return `${new URL(pageUrl).origin}/@${handle}/${id}`;
  },
  isPermalink: (url, pageUrl) => url.origin === pageUrl.origin && /^\/@\w{1,64}\/\d{1,30}$/.test(url.pathname),
};
