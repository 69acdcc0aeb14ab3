import { closestCandidate, findShown, isPlainEnter } from '../dom-query';
import { messageLeftComposer } from '../chat-sent';
import type { SiteAdapter, SiteCandidates } from '../types';

/**
 * Telegram Web. Web A keeps copies of `#editable-message-text` while chats slide in and
 * out: only the one in the active slide is live. Web K's input is a TipTap (ProseMirror)
 * editor. Like WhatsApp, nothing to link to: once the message left the composer, Siar
 * asks the user (`confirmed`).
 */

const HOSTS = ['web.telegram.org'];

export const TELEGRAM_CANDIDATES: SiteCandidates = {
  composer: [
    { css: '.messages-layout .Transition_slide-active #editable-message-text', seen: 'web.telegram.org/a 2026: telegram-tt src/config.ts EDITABLE_INPUT_CSS_SELECTOR, the live copy during slide transitions' },
    { css: '.messages-layout .Transition > .Transition_slide-to #editable-message-text', seen: 'web.telegram.org/a 2026: telegram-tt, the slide coming in' },
    { css: '#editable-message-text[contenteditable="true"]', seen: 'web.telegram.org/a ≤2025: the one composer (SITES.md)' },
    { css: '.input-message-container .ProseMirror[contenteditable="true"]', seen: 'web.telegram.org/k 2026: the input is a TipTap / ProseMirror editor (issue #11; markup not yet seen in a public automation project)' },
    { css: '.input-message-input[contenteditable="true"]', seen: 'web.telegram.org/k ≤2025: its own contenteditable (SITES.md)' },
  ],
  submit: [
    { css: '.Button.send', seen: 'web.telegram.org/a: the send button' },
    { css: 'button.send', seen: 'web.telegram.org/a: same, as a <button>' },
    { css: '.btn-send', seen: 'web.telegram.org/k: the send button' },
  ],
  confirmation: [{ css: '#editable-message-text, .input-message-container [contenteditable="true"]', seen: 'the composer emptied after send: the chat took the message' }],
  permalink: [],
};

export const telegramAdapter: SiteAdapter = {
  platform: 'telegram',
  hosts: HOSTS,
  candidates: TELEGRAM_CANDIDATES,
  findComposer(doc) {
    const editor = findShown(doc, TELEGRAM_CANDIDATES.composer);
    return editor ? { editor, anchor: editor.closest('.Composer, .chat-input') } : null;
  },
  insertWith: ['paste', 'execCommand'],
  isSubmit: (target) => closestCandidate(target, TELEGRAM_CANDIDATES.submit) !== null,
  submitsOnKey: isPlainEnter,
  signal: 'ask',
  findPublished: messageLeftComposer,
  isPermalink: () => false,
};
