import { browser } from 'wxt/browser';
import { create } from 'zustand';
import { resolveLanguage, type Language } from '@/lib/i18n';
import { listShares } from '@/lib/reports/share-db';
import type { ShareRecord } from '@/lib/reports/types';
import { outboxSummary, userSettings } from '@/lib/storage';
import { reloadOnChange } from '../page-store';

/** What the history page shows (components/page-store.ts). */
export interface HistoryState {
  /** Every share, newest first; null while loading. */
  records: ShareRecord[] | null;
  failed: boolean;
  language: Language;
}

export const useHistoryStore = create<HistoryState>(() => ({ records: null, failed: false, language: 'id' }));

export async function loadHistoryState(): Promise<void> {
  try {
    const [records, settings] = await Promise.all([listShares(), userSettings.getValue()]);
    useHistoryStore.setState({ records, failed: false, language: resolveLanguage(settings.language, browser.i18n.getUILanguage()) });
  } catch {
    useHistoryStore.setState({ failed: true });
  }
}

/** The background rewrites the outbox summary after each change to a share: read them again then. */
export function watchHistoryState(): () => void {
  return reloadOnChange([outboxSummary, userSettings], loadHistoryState);
}
