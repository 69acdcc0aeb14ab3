import { closestCandidate, findInDialogsFirst, isShown, onHosts, queryDeepAll } from '../dom-query';
import type { SiteAdapter, SiteCandidates } from '../types';

/**
 * Instagram: the create dialog takes the image through its file input, then the caption
 * box. "Post shared" is the only confirmation: no link to the new post is shown, so the
 * report carries none.
 */

const HOSTS = ['www.instagram.com', 'instagram.com'];
const SHARE_LABELS = /^(Share|Bagikan)$/i;
const SHARED = /(Your post has been shared|Post shared|Postingan Anda telah dibagikan|Postingan dibagikan)/i;

export const INSTAGRAM_CANDIDATES: SiteCandidates = {
  composer: [
    { css: 'div[contenteditable="true"][aria-placeholder^="Write a caption"]', seen: 'instagram.com 2026: a Lexical caption box found by aria-placeholder "Write a caption…" (U+2026); MultiPost-Extension instagram.ts matches aria-placeholder too' },
    { css: 'div[contenteditable="true"][aria-placeholder^="Tulis keterangan"]', seen: 'instagram.com 2026, Indonesian UI: the same box' },
    { css: 'div[aria-label="Write a caption..."][contenteditable="true"]', seen: 'instagram.com ≤2025: a contenteditable with this exact aria-label (SITES.md)' },
    { css: 'div[aria-label="Tulis keterangan..."][contenteditable="true"]', seen: 'instagram.com ≤2025, Indonesian UI' },
  ],
  submit: [{ css: '[role="dialog"] [role="button"]', seen: 'instagram.com 2026: div role=button "Share" in the Create new post dialog (MultiPost-Extension instagram.ts; text checked)' }],
  confirmation: [{ css: '[role="dialog"]', seen: 'instagram.com: the dialog then says "Post shared" / "Your post has been shared" (SITES.md)' }],
  permalink: [],
};
const FILE_INPUTS = [
  { css: '[role="dialog"] input[type="file"]', seen: 'instagram.com 2026: the create dialog\'s file input (MultiPost-Extension instagram.ts)' },
  { css: 'form[enctype="multipart/form-data"] input[type="file"]', seen: 'instagram.com ≤2024: the upload form' },
];

function sharedShown(doc: Document): boolean {
  return queryDeepAll(doc, '[role="dialog"]').some((dialog) => isShown(dialog) && SHARED.test(dialog.textContent ?? ''));
}

export const instagramAdapter: SiteAdapter = {
  platform: 'instagram',
  hosts: HOSTS,
  candidates: INSTAGRAM_CANDIDATES,
  findComposer(doc) {
    const editor = findInDialogsFirst(doc, '[role="dialog"]', INSTAGRAM_CANDIDATES.composer);
    return editor ? { editor, anchor: editor } : null;
  },
  // The file input is hidden (display: none): it counts while connected.
  findFileInput: (doc) => FILE_INPUTS.flatMap(({ css }) => queryDeepAll<HTMLInputElement>(doc, css)).find((input) => input.isConnected && /image/.test(input.accept || 'image')) ?? null,
  insertWith: ['paste', 'beforeinput', 'execCommand'],
  isSubmit(target) {
    const button = closestCandidate(target, INSTAGRAM_CANDIDATES.submit);
    return button !== null && SHARE_LABELS.test(button.textContent?.trim() ?? '');
  },
  submitsOnKey: () => false,
  signal: 'page',
  rememberBeforeSubmit: sharedShown,
  findPublished: (doc, attempt) => (!attempt.before && sharedShown(doc) ? null : undefined),
  isPermalink: (url) => onHosts(url, HOSTS) && /^\/(p|reel)\/[\w-]+\/?$/.test(url.pathname),
};
