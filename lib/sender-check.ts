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

// --- Social sites (issue 4) ---

export interface SiteSender {
  tabId: number;
  pageUrl: string;
}

/**
 * A message from Siar's own content script, in a tab whose page (and frame) belongs
 * to the platform the message claims. Throws otherwise.
 */
export function requireSiteContentScript(
  sender: Runtime.MessageSender,
  platform: string,
  platformOf: (pageUrl: string) => string | null,
): SiteSender {
  if (sender.id !== browser.runtime.id) throw new Error('Not from Siar.');
  const tabId = sender.tab?.id;
  const tabUrl = sender.tab?.url;
  const frameUrl = sender.url;
  if (typeof tabId !== 'number' || tabId < 0 || !tabUrl || !frameUrl) throw new Error('Not from a tab.');
  if (platformOf(tabUrl) !== platform || platformOf(frameUrl) !== platform) {
    throw new Error('This page does not belong to the platform it claims.');
  }
  return { tabId, pageUrl: frameUrl };
}
