import { storage } from 'wxt/utils/storage';
import type { FeedCacheEntry, Subscription } from './feed/types';
import { EMPTY_OUTBOX_SUMMARY, type OutboxSummary, type ReceiverState, type Reporter, type ShareRecord } from './reports/types';

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

/** What waits in the outbox and why: small, written by the background, watched by pages. */
export const outboxSummary = storage.defineItem<OutboxSummary>('local:outboxSummary', {
  fallback: EMPTY_OUTBOX_SUMMARY,
  version: 1,
  migrations: {},
});
