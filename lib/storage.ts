import { storage } from 'wxt/utils/storage';
import type { FeedCacheEntry, Subscription } from './feed/types';
import type { ReceiverState, Reporter, ShareMethod, ShareRecord } from './reports/types';
import type { PlatformId } from './share/platforms';

/**
 * Every storage item of Siar, declared once. The background is the only writer
 * of feedCache, shares and receivers; options writes the user's settings.
 */

export type LanguageSetting = 'auto' | 'id' | 'en';

export interface UserSettings {
  reporter: Reporter;
  reportToken: string;
  language: LanguageSetting;
}

export const DEFAULT_SETTINGS: UserSettings = {
  reporter: { id: '', name: '', unit: '' },
  reportToken: '',
  language: 'auto',
};

export const userSettings = storage.defineItem<UserSettings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
  migrations: {},
});

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

export const shareRecords = storage.defineItem<ShareRecord[]>('local:shares', {
  fallback: [],
  version: 1,
  migrations: {},
});

export const receiverStates = storage.defineItem<Record<string, ReceiverState>>('local:receivers', {
  fallback: {},
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

/** Mastodon instance origins the user added (policy's `mastodon_instances` come on top). */
export const userMastodonInstances = storage.defineItem<string[]>('local:mastodonInstances', {
  fallback: [],
  version: 1,
  migrations: {},
});
