import { findInDialogsFirst, onHosts, queryFirst } from '../dom-query';
import type { SiteAdapter } from '../types';

/**
 * Instagram (SITES.md): the create dialog takes the image through its file input,
 * then the caption box (a contenteditable). "Post shared" is the only confirmation:
 * no link to the new post is shown, so the report carries none.
 */

const HOSTS = ['www.instagram.com', 'instagram.com'];
const EDITORS = ['div[aria-label="Write a caption..."][contenteditable="true"]', 'div[aria-label="Tulis keterangan..."][contenteditable="true"]'];
const FILE_INPUTS = ['[role="dialog"] input[type="file"][accept*="image"]', 'form[enctype="multipart/form-data"] input[type="file"]'];
const SHARE_LABELS = /^(Share|Bagikan)$/i;
const SHARED = /(Your post has been shared|Post shared|Postingan Anda telah dibagikan|Postingan dibagikan)/i;

function sharedShown(doc: Document): boolean {
  return [...doc.querySelectorAll('[role="dialog"]')].some((dialog) => SHARED.test(dialog.textContent ?? ''));
}

export const instagramAdapter: SiteAdapter = {
  platform: 'instagram',
  hosts: HOSTS,
  findComposer(doc) {
    const editor = findInDialogsFirst(doc, '[role="dialog"]', EDITORS);
    return editor ? { editor, anchor: editor } : null;
  },
  findFileInput: (doc) => queryFirst<HTMLInputElement>(doc, FILE_INPUTS),
  insertWith: ['paste', 'execCommand', 'beforeinput'],
  isSubmit(target) {
    const button = target.closest('[role="dialog"] [role="button"]');
    return button !== null && SHARE_LABELS.test(button.textContent?.trim() ?? '');
  },
  submitsOnKey: () => false,
  signal: 'page',
  rememberBeforeSubmit: sharedShown,
  findPublished: (doc, attempt) => (!attempt.before && sharedShown(doc) ? null : undefined),
  isPermalink: (url) => onHosts(url, HOSTS) && /^\/(p|reel)\/[\w-]+\/?$/.test(url.pathname),
};
