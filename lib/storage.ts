import { storage } from 'wxt/utils/storage';
import type { FeedCacheEntry, Subscription } from './feed/types';
import { EMPTY_OUTBOX_SUMMARY, type OutboxSummary, type ReceiverState, type Reporter, type ShareMethod, type ShareRecord } from './reports/types';
import type { PlatformId } from './share/platforms';
import { EMPTY_SITE_HEALTH, type SiteHealthState } from './sites/site-check';

/**
 * Every storage item of Siar, declared once. The background is the only writer
 * of feedCache, shares and receivers; options writes the user's settings.
 */

export type LanguageSetting = 'auto' | 'id' | 'en';

/** PROTOCOL §6: what the office answered to the person's enrollment code. */
export interface Enrollment {
  /** The office's origin: its token belongs there only. */
  origin: string;
  /** The office's record of the person: shown read-only, sent in every report. */
  reporter: Reporter;
  /** ISO 8601. */
  at: string;
}

export interface UserSettings {
  reporter: Reporter;
  // The report tokens are not here: content scripts can read storage.local on Firefox, so
  // they live in the extension's own IndexedDB (lib/reports/token-store.ts).
  enrollment: Enrollment | null;
  language: LanguageSetting;
  /** The platforms the user posts to; null: all of them. */
  enabledPlatforms: PlatformId[] | null;
  /** Origins of the user's Mastodon instances, e.g. `https://mastodon.go.id`. */
  mastodonInstances: string[];
  /** A notification when new approved posts arrive. */
  notifications: boolean;
}

export const DEFAULT_SETTINGS: UserSettings = {
  reporter: { id: '', name: '', unit: '' },
  enrollment: null,
  language: 'auto',
  enabledPlatforms: null,
  mastodonInstances: [],
  notifications: true,
};

export const userSettings = storage.defineItem<UserSettings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 3,
  migrations: {
    // v2: platforms, Mastodon instances and notifications, with their defaults.
    2: (old: Partial<UserSettings>): UserSettings => ({ ...DEFAULT_SETTINGS, ...old }),
    // v3: tokens per receiver origin, and enrollment (PROTOCOL v2 §3.3, §6).
    3: (old: Partial<UserSettings>): UserSettings => ({ ...DEFAULT_SETTINGS, ...old }),
  },
});

/** Changes some settings and keeps the rest: the one read-modify-write of the settings. */
export async function updateUserSettings(change: Partial<UserSettings>): Promise<void> {
  const current = await userSettings.getValue();
  await userSettings.setValue({ ...current, ...change });
}

export const userSubscriptions = storage.defineItem<Subscription[]>('local:subscriptions', {
  fallback: [],
  version: 1,
  migrations: {},
});

export const feedCache = storage.defineItem<Record<string, FeedCacheEntry>>('local:feedCache', {
  fallback: {},
  version: 1,
  migrations: {},
});

// Reports (issue 5): the shares and receivers now live in IndexedDB (lib/reports/share-db.ts).
// These two items are where earlier builds kept them; lib/reports/legacy-shares.ts moves
// them over once and removes them.
export const legacyShareRecords = storage.defineItem<ShareRecord[]>('local:shares', {
  fallback: [],
  version: 1,
  migrations: {},
});

export const legacyReceiverStates = storage.defineItem<Record<string, ReceiverState>>('local:receivers', {
  fallback: {},
  version: 1,
  migrations: {},
});

/** Keys (`feedUrl\nitemId`) of today's items the user was already told about. */
export const notifiedItems = storage.defineItem<{ date: string; keys: string[] }>('local:notifiedItems', {
  fallback: { date: '', keys: [] },
  version: 1,
  migrations: {},
});

// --- Social sites (issue 4) ---

/** Which item a tab carries: queued by the popup's share control, or inserted by Siar's button there. */
export interface TabShare {
  feedUrl: string;
  itemId: string;
  platform: PlatformId;
  method: ShareMethod;
  stage: 'queued' | 'inserted';
  /** Which caption variant the tab got (the popup can cycle them). */
  variantOffset: number;
  /** ms since epoch; ties older than a day are ignored. */
  at: number;
}

/** Tab id → the item it carries. Session storage: gone with the browser session, like the tabs. */
export const tabShares = storage.defineItem<Record<string, TabShare>>('session:siteTabShares', {
  fallback: {},
  version: 1,
  migrations: {},
});

/** What waits in the outbox and why: small, written by the background, watched by pages. */
export const outboxSummary = storage.defineItem<OutboxSummary>('local:outboxSummary', {
  fallback: EMPTY_OUTBOX_SUMMARY,
  version: 1,
  migrations: {},
});

/**
 * A post the user started with a trusted click on the site's Post control, for the item the
 * tab carries, and not yet seen to go out (issue 12). Kept until the site confirms it, or
 * the user answers "did this post go out?" in the popup: a tab closed or a worker stopped
 * right after Post loses no share.
 */
export interface ShareAttempt {
  /** The share's report id if it is recorded: the same attempt can never be reported twice. */
  id: string;
  tabId: number;
  feedUrl: string;
  itemId: string;
  platform: PlatformId;
  method: ShareMethod;
  /** The item's title at the click, for the popup's question. */
  title: string;
  /** ms since epoch. */
  at: number;
  /** The tab was closed before the site confirmed the post. */
  tabClosed: boolean;
}

/** Tab id → its unfinished post. Written by the background only. */
export const shareAttempts = storage.defineItem<Record<string, ShareAttempt>>('local:shareAttempts', {
  fallback: {},
  version: 1,
  migrations: {},
});

/** The site check (issue 11): per version and site, which steps of a share worked. Counters only. */
export const siteHealth = storage.defineItem<SiteHealthState>('local:siteHealth', {
  fallback: EMPTY_SITE_HEALTH,
  version: 1,
  migrations: {},
});
