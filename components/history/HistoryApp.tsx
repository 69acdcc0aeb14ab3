import { useEffect, useMemo, useState } from 'react';
import { CSV_BOM, toCsv } from '@/lib/csv';
import { filterByDay, HISTORY_CSV_COLUMNS, historyCsvRows, historyStatus, sharesPerDay } from '@/lib/reports/history';
import type { ShareRecord } from '@/lib/reports/types';
import { calendarDate } from '@/lib/time/zoned-date';
import { I18nProvider, useI18n } from '../i18n';
import { HistoryTable } from './HistoryTable';
import { SharesChart } from './SharesChart';
import { loadHistoryState, useHistoryStore, watchHistoryState } from './history-store';

export function HistoryApp() {
  useEffect(() => {
    void loadHistoryState();
    return watchHistoryState();
  }, []);
  const data = useHistoryStore();
  return (
    <I18nProvider language={data.language}>
      <History records={data.records} failed={data.failed} />
    </I18nProvider>
  );
}

/** Rows rendered at first, and added by "show more": 10,000 rows at once took seconds. */
const PAGE = 500;

const localToday = () => calendarDate(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);

function downloadCsv(records: readonly ShareRecord[], name: string): void {
  const csv = CSV_BOM + toCsv([HISTORY_CSV_COLUMNS, ...historyCsvRows(records)]);
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** My shares: a civil servant's proof of work, with its status at the office's receiver. */
function History({ records, failed }: { records: ShareRecord[] | null; failed: boolean }) {
  const { t } = useI18n();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const today = localToday();
  const all = useMemo(() => records ?? [], [records]);
  const shown = useMemo(() => filterByDay(all, from, to), [all, from, to]);
  const days = useMemo(() => sharesPerDay(all, today), [all, today]);
  const counts = useMemo(() => {
    const byStatus = { pending: 0, reported: 0, failed: 0 };
    for (const record of shown) {
      const status = historyStatus(record);
      if (status === 'pending') byStatus.pending++;
      else if (status === 'failed') byStatus.failed++;
      else byStatus.reported++;
    }
    return byStatus;
  }, [shown]);
  const fileName = `siar-riwayat-${from || 'awal'}_${to || today}.csv`;

  return (
    <main className="history" aria-busy={records === null}>
      <header className="history-header">
        <h1>{t('historyTitle')}</h1>
        <p className="detail">{t('historyIntro')}</p>
      </header>

      {failed ? (
        <p className="warning" role="alert">
          {t('historyLoadFailed')}
        </p>
      ) : null}
      {records === null && !failed ? <p className="placeholder">{t('loading')}</p> : null}

      <SharesChart days={days} />

      <form className="history-filter" onSubmit={(event) => event.preventDefault()}>
        <label className="field">
          <span>{t('historyFrom')}</span>
          <input
            type="date"
            name="from"
            value={from}
            max={to || undefined}
            onChange={(event) => (setFrom(event.target.value), setLimit(PAGE))}
          />
        </label>
        <label className="field">
          <span>{t('historyTo')}</span>
          <input type="date" name="to" value={to} min={from || undefined} onChange={(event) => (setTo(event.target.value), setLimit(PAGE))} />
        </label>
        <button type="button" className="button" disabled={!from && !to} onClick={() => (setFrom(''), setTo(''))}>
          {t('historyAllDates')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-siar-history-export=""
          disabled={shown.length === 0}
          onClick={() => downloadCsv(shown, fileName)}
        >
          {t('historyExport')}
        </button>
      </form>

      <p className="history-counts" role="status">
        {t('historyCounts', shown.length, counts.reported, counts.pending, counts.failed)}
      </p>

      {records !== null && shown.length === 0 ? (
        <p className="placeholder">{all.length === 0 ? t('historyEmpty') : t('historyNoneInRange')}</p>
      ) : (
        <div className="history-table-wrap">
          <HistoryTable records={shown.length > limit ? shown.slice(0, limit) : shown} />
        </div>
      )}
      {shown.length > limit ? (
        <p className="history-more">
          <span className="detail">{t('historyShowing', limit, shown.length)}</span>
          <button type="button" className="button" onClick={() => setLimit(limit + PAGE)}>
            {t('historyShowMore', Math.min(PAGE, shown.length - limit))}
          </button>
        </p>
      ) : null}
    </main>
  );
}
