import type { ShareMethod } from '../reports/types';

/** Shapes of the messages between the content scripts on social sites and the background. */

export interface SiteItem {
  feedUrl: string;
  itemId: string;
  title: string;
  /** The item the popup opened this tab for. */
  queued: boolean;
}

export interface TabShareView {
  feedUrl: string;
  itemId: string;
  method: ShareMethod;
  stage: 'queued' | 'inserted';
}

export interface SitePageState {
  /** The UI's sentences in the user's language (content scripts cannot read the setting). */
  texts: Record<string, string>;
  items: SiteItem[];
  carried: TabShareView | null;
  /** A step failed three times in a row on this site (site check): Siar says so there. */
  outdated: boolean;
}

export type SiteInsertResult = { ok: true; caption: string } | { ok: false; error: 'unknown_item' | 'not_allowed' };

export interface SiteImage {
  /** base64 of the image's bytes. */
  base64: string;
  type: string;
  name: string;
}

export type SiteShareResult =
  | { ok: true; shareId: string }
  | { ok: false; error: 'no_item_in_tab' | 'unknown_item' | 'not_allowed' | 'wrong_signal' | 'other_text' };
