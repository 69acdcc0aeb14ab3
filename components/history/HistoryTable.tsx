import { formatDateTime, type MessageKey } from '@/lib/i18n';
import { safeUrl } from '@/lib/feed/safe-url';
import { historyStatus } from '@/lib/reports/history';
import type { ShareRecord } from '@/lib/reports/types';
import { platformLabel } from '@/lib/share/platform-label';
import { useI18n } from '../i18n';

/**
 * The time as the share itself says it, in the feed's zone (shared_at's offset): the
 * same day that the chart and the date filter use, wherever the browser is.
 */
function sharedAtWallClock(sharedAt: string): Date | null {
  const wall = new Date(`${sharedAt.slice(0, 19)}Z`);
  return Number.isNaN(wall.getTime()) ? null : wall;
}

function statusKey(record: ShareRecord): MessageKey {
  if (record.delivery === 'local') return 'historyStatus_local';
  return `historyStatus_${historyStatus(record)}` as MessageKey;
}

/** Every share with docs/protocol.md §5's data-siar-history-row hooks, newest first. */
export function HistoryTable({ records }: { records: ShareRecord[] }) {
  const { t, language } = useI18n();
  return (
    <table className="history-table">
      <thead>
        <tr>
          <th scope="col">{t('historyColTime')}</th>
          <th scope="col">{t('historyColItem')}</th>
          <th scope="col">{t('historyColPlatform')}</th>
          <th scope="col">{t('historyColStatus')}</th>
          <th scope="col">{t('historyColPost')}</th>
        </tr>
      </thead>
      <tbody>
        {records.map((record) => {
          const { report } = record;
          const status = historyStatus(record);
          const itemUrl = safeUrl(report.item_url);
          const postUrl = safeUrl(report.post_url);
          const at = sharedAtWallClock(report.shared_at);
          return (
            <tr key={report.id} data-siar-history-row="" data-item={report.item_id} data-platform={report.platform} data-status={status}>
              <td className="history-time">
                <time dateTime={report.shared_at} title={report.shared_at}>
                  {at ? formatDateTime(at, 'UTC', language) : report.shared_at}
                </time>
              </td>
              <td>
                {itemUrl ? (
                  <a href={itemUrl} target="_blank" rel="noopener noreferrer">
                    {record.title || report.item_id}
                  </a>
                ) : (
                  record.title || report.item_id
                )}
              </td>
              <td>{platformLabel(report.platform, t)}</td>
              <td>
                <span className={`status status--${record.delivery === 'local' ? 'local' : status}`}>{t(statusKey(record))}</span>
                {status === 'failed' && record.reason ? <small className="detail">{record.reason}</small> : null}
              </td>
              <td>
                {postUrl ? (
                  <a href={postUrl} target="_blank" rel="noopener noreferrer" className="post-link">
                    {t('historyOpenPost')}
                  </a>
                ) : (
                  <span className="detail" aria-label={t('historyNoPost')}>
                    —
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
