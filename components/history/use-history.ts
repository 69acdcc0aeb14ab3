import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { resolveLanguage, type Language } from '@/lib/i18n';
import { listShares } from '@/lib/reports/share-db';
import type { ShareRecord } from '@/lib/reports/types';
import { outboxSummary, userSettings } from '@/lib/storage';

export interface HistoryData {
  /** null while loading. */
  records: ShareRecord[] | null;
  failed: boolean;
  language: Language;
}

/**
 * Every share, newest first, read again whenever the background changes one (it
 * rewrites the outbox summary after each change). Reads never overlap: changes
 * that arrive during a read cause one more read after it.
 */
export function useHistoryData(): HistoryData {
  const [data, setData] = useState<HistoryData>({ records: null, failed: false, language: 'id' });
  useEffect(() => {
    let reading = false;
    let dirty = false;
    let stopped = false;
    const read = async () => {
      if (reading) {
        dirty = true;
        return;
      }
      reading = true;
      try {
        do {
          dirty = false;
          const [records, settings] = await Promise.all([listShares(), userSettings.getValue()]);
          const language = resolveLanguage(settings.language, browser.i18n.getUILanguage());
          if (!stopped) setData({ records, failed: false, language });
        } while (dirty && !stopped);
      } catch {
        if (!stopped) setData((previous) => ({ ...previous, failed: true }));
      } finally {
        reading = false;
      }
    };
    void read();
    const unwatch = [outboxSummary.watch(() => void read()), userSettings.watch(() => void read())];
    return () => {
      stopped = true;
      unwatch.forEach((stop) => stop());
    };
  }, []);
  return data;
}
