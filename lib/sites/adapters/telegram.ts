import { closestAny, isPlainEnter, queryFirst } from '../dom-query';
import { messageLeftComposer } from '../chat-sent';
import type { SiteAdapter } from '../types';

/**
 * Telegram Web (SITES.md): a custom contenteditable (Web A `#editable-message-text`,
 * Web K `.input-message-input`). Like WhatsApp, nothing to link to: after the
 * message left the composer, Siar asks the user (`confirmed`).
 */

const HOSTS = ['web.telegram.org'];
const EDITORS = ['#editable-message-text[contenteditable="true"]', '.input-message-input[contenteditable="true"]'];
const SUBMITS = ['.Button.send', 'button.send', '.btn-send'];

export const telegramAdapter: SiteAdapter = {
  platform: 'telegram',
  hosts: HOSTS,
  findComposer(doc) {
    const editor = queryFirst(doc, EDITORS);
    return editor ? { editor, anchor: editor.closest('.Composer, .chat-input') } : null;
  },
  insertWith: ['paste', 'execCommand'],
  isSubmit: (target) => closestAny(target, SUBMITS) !== null,
  submitsOnKey: isPlainEnter,
  signal: 'ask',
  findPublished: messageLeftComposer,
  isPermalink: () => false,
};
