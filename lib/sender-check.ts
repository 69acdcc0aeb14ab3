import type { Runtime } from 'webextension-polyfill';
import { browser } from 'wxt/browser';

/** True only for Siar's own pages (popup, options, history), never a content script. */
export function isExtensionPage(sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const base = browser.runtime.getURL('/');
  return typeof sender.url === 'string' && sender.url.startsWith(base);
}

export function requireExtensionPage(sender: Runtime.MessageSender): void {
  if (!isExtensionPage(sender)) throw new Error('This message is only accepted from Siar’s own pages.');
}
