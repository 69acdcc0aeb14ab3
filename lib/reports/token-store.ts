import type { DBSchema } from 'idb';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { idbConnection } from '../idb-connection';

/**
 * The user's report tokens (PROTOCOL §3.3), out of content scripts' reach on both browsers.
 *
 * storage.local is readable by content scripts unless its access level is restricted, and
 * Firefox has no `storage.local.setAccessLevel`: a script injected into x.com could read a
 * token kept there. The extension origin's IndexedDB is another matter: a content script's
 * `indexedDB` is the page's, so it can never open this database. One code path for both
 * browsers: the tokens live here, and storage.local only carries a change counter, so that
 * the background (woken by storage events) and open pages learn that the tokens changed.
 *
 * Only extension pages and the background call this module (never a content script: there
 * it would open the page's own database).
 */

export interface ReportTokens {
  /** The single token typed by builds before protocol version 2 (report-tokens.ts decides its origins). */
  reportToken: string;
  /** Receiver origin → token, typed in options or received at enrollment. */
  reportTokens: Record<string, string>;
}

export const NO_REPORT_TOKENS: ReportTokens = { reportToken: '', reportTokens: {} };

export const TOKEN_DB_NAME = 'siar-secrets';
const TOKEN_DB_VERSION = 1;
const KEY = 'report';

interface TokenDb extends DBSchema {
  tokens: { key: string; value: ReportTokens };
}

/** A new random value on every write: no secret, only the signal that the tokens changed. */
export const reportTokensRevision = storage.defineItem<string>('local:reportTokensRevision', {
  fallback: '',
  version: 1,
  migrations: {},
});

const connection = idbConnection<TokenDb>(TOKEN_DB_NAME, TOKEN_DB_VERSION, (db) => {
  db.createObjectStore('tokens');
});
const openTokenDb = connection.open;

/** Closes the connection; the next call opens it again (tests, version changes). */
export function closeTokenDb(): Promise<void> {
  return connection.close();
}

/** Builds before this one kept the tokens inside `local:settings`. */
interface SettingsWithLegacyTokens {
  reportToken?: unknown;
  reportTokens?: unknown;
  [key: string]: unknown;
}

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
}

/**
 * Moves tokens that earlier builds stored in `local:settings` into the database, then
 * removes them from storage.local. A token already in the database for the same origin
 * wins (it was written later). Safe to run twice, and in two contexts at once.
 */
export async function moveLegacyTokens(): Promise<void> {
  const { settings } = (await browser.storage.local.get('settings')) as { settings?: SettingsWithLegacyTokens };
  if (!settings || !('reportToken' in settings || 'reportTokens' in settings)) return;
  const legacy: ReportTokens = {
    reportToken: typeof settings.reportToken === 'string' ? settings.reportToken : '',
    reportTokens: stringRecord(settings.reportTokens),
  };
  if (legacy.reportToken || Object.keys(legacy.reportTokens).length > 0) {
    const db = await openTokenDb();
    const tx = db.transaction('tokens', 'readwrite');
    const stored = (await tx.store.get(KEY)) ?? NO_REPORT_TOKENS;
    await tx.store.put(
      { reportToken: stored.reportToken || legacy.reportToken, reportTokens: { ...legacy.reportTokens, ...stored.reportTokens } },
      KEY,
    );
    await tx.done;
  }
  // Written back without the two keys, in the same format (the version key is kept as it is).
  const { reportToken: _single, reportTokens: _perOrigin, ...rest } = settings;
  await browser.storage.local.set({ settings: rest });
  await reportTokensRevision.setValue(crypto.randomUUID());
}

export async function readReportTokens(): Promise<ReportTokens> {
  await moveLegacyTokens();
  const db = await openTokenDb();
  const stored = await db.get('tokens', KEY);
  return stored ? { reportToken: stored.reportToken, reportTokens: { ...stored.reportTokens } } : { ...NO_REPORT_TOKENS, reportTokens: {} };
}

/** Changes the tokens (read-modify-write in one transaction) and tells every context. */
export async function updateReportTokens(change: (current: ReportTokens) => ReportTokens): Promise<void> {
  await moveLegacyTokens();
  const db = await openTokenDb();
  const tx = db.transaction('tokens', 'readwrite');
  const current = (await tx.store.get(KEY)) ?? NO_REPORT_TOKENS;
  const next = change({ reportToken: current.reportToken, reportTokens: { ...current.reportTokens } });
  await tx.store.put({ reportToken: next.reportToken, reportTokens: stringRecord(next.reportTokens) }, KEY);
  await tx.done;
  await reportTokensRevision.setValue(crypto.randomUUID());
}

/** Calls back after every change of the tokens, in any context (the background included). */
export function watchReportTokens(callback: () => void): () => void {
  return reportTokensRevision.watch(() => callback());
}
