import { storage } from 'wxt/utils/storage';
import type { FeedCacheEntry, Subscription } from './feed/types';
import type { ReceiverState, Reporter, ShareRecord } from './reports/types';

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
