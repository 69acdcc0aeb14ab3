import { closestCandidate, findShown, isPlainEnter } from '../dom-query';
import { messageLeftComposer } from '../chat-sent';
import type { SiteAdapter, SiteCandidates } from '../types';

/**
 * WhatsApp Web: Lexical (plain text) in the chat's footer. A private chat shows Siar
 * nothing it could link to: once the message left the composer, Siar asks "sudah
 * terkirim?" and records the user's answer (`confirmed`).
 */

const HOSTS = ['web.whatsapp.com'];

export const WHATSAPP_CANDIDATES: SiteCandidates = {
  composer: [
    { css: 'footer div[contenteditable="true"][data-lexical-editor="true"]', seen: 'web.whatsapp.com 2025–2026: Lexical in the chat footer (SITES.md)' },
    { css: 'footer div[contenteditable="true"][role="textbox"]', seen: 'web.whatsapp.com: the footer textbox without Lexical\'s marker' },
  ],
  submit: [
    { css: 'button[aria-label="Send"]', seen: 'web.whatsapp.com 2026: Send is a <button aria-label="Send"> (automation scripts in the code corpus, 2026)' },
    { css: 'button[aria-label="Kirim"]', seen: 'web.whatsapp.com 2026, Indonesian UI' },
    { css: '[data-testid="wds-ic-send-filled"]', seen: 'web.whatsapp.com 2026: the send icon by data-testid (selenium scripts, "proven by DOM probe")' },
    { css: 'span[data-icon="wds-ic-send-filled"]', seen: 'web.whatsapp.com 2025–2026: the send icon by data-icon' },
    { css: 'div[role="button"][aria-label="Send"]', seen: 'web.whatsapp.com: Send as div role=button' },
    { css: 'span[data-icon="send"]', seen: 'web.whatsapp.com ≤2024: the older send icon' },
  ],
  confirmation: [{ css: 'footer div[contenteditable="true"]', seen: 'the composer emptied after Send: the chat took the message' }],
  permalink: [],
};

export const whatsappAdapter: SiteAdapter = {
  platform: 'whatsapp',
  hosts: HOSTS,
  candidates: WHATSAPP_CANDIDATES,
  findComposer(doc) {
    const editor = findShown(doc, WHATSAPP_CANDIDATES.composer);
    return editor ? { editor, anchor: editor.closest('footer') } : null;
  },
  insertWith: ['beforeinput', 'paste', 'execCommand'],
  isSubmit: (target) => closestCandidate(target, WHATSAPP_CANDIDATES.submit) !== null,
  submitsOnKey: isPlainEnter,
  signal: 'ask',
  findPublished: messageLeftComposer,
  isPermalink: () => false,
};
