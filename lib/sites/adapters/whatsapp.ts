import { closestAny, isPlainEnter, queryFirst } from '../dom-query';
import { messageLeftComposer } from '../chat-sent';
import type { SiteAdapter } from '../types';

/**
 * WhatsApp Web (SITES.md): Lexical (plain text) in the chat's footer. A private
 * chat shows Siar nothing it could link to: once the message left the composer,
 * Siar asks "sudah terkirim?" and records the user's answer (`confirmed`).
 */

const HOSTS = ['web.whatsapp.com'];
const EDITORS = ['footer div[contenteditable="true"][data-lexical-editor="true"]', 'footer div[contenteditable="true"]'];
const SUBMITS = ['button[aria-label="Send"]', 'button[aria-label="Kirim"]', 'span[data-icon="send"]', 'span[data-icon="wds-ic-send-filled"]'];

export const whatsappAdapter: SiteAdapter = {
  platform: 'whatsapp',
  hosts: HOSTS,
  findComposer(doc) {
    const editor = queryFirst(doc, EDITORS);
    return editor ? { editor, anchor: editor.closest('footer') } : null;
  },
  insertWith: ['beforeinput', 'paste', 'execCommand'],
  isSubmit: (target) => closestAny(target, SUBMITS) !== null,
  submitsOnKey: isPlainEnter,
  signal: 'ask',
  findPublished: messageLeftComposer,
  isPermalink: () => false,
};
