import { isWaiting } from '@/lib/reports/outbox';
import type { ReceiverState, ShareRecord } from '@/lib/reports/types';
import { formatDateTime } from '@/lib/i18n';
import { DEFAULT_TIMEZONE } from '@/lib/time/zoned-date';
import { messenger } from '@/lib/messaging';
import { useI18n } from '../i18n';

interface Props {
  shares: ShareRecord[];
  receivers: Record<string, ReceiverState>;
}

/** What waits in the outbox and why (PROTOCOL §3.5: nothing is dropped silently). */
export function OutboxStatus({ shares, receivers }: Props) {
  const { t, language } = useI18n();
  const waiting = shares.filter(isWaiting);
  const localOnly = shares.filter((share) => share.delivery === 'local').length;
  const paused = waiting.some((share) => receivers[share.receiver as string]?.pausedForAuth);
  const nextAt = Math.min(...waiting.map((share) => Math.max(share.nextAttemptAt, receivers[share.receiver as string]?.nextAttemptAt ?? 0)));
  const lastError = waiting.find((share) => share.reason)?.reason;
  return (
    <section className="outbox" aria-live="polite">
      {waiting.length === 0 ? (
        <p className="detail" data-siar-outbox="">
          {t('outboxNoneWaiting')}
        </p>
      ) : (
        <div className="outbox-waiting">
          <p data-siar-outbox="">{t('outboxWaiting', waiting.length)}</p>
          {paused ? <p className="warning">{t('outboxPausedAuth')}</p> : null}
          {!paused && lastError && Number.isFinite(nextAt) ? (
            <p className="detail">{t('outboxRetry', formatDateTime(new Date(nextAt), DEFAULT_TIMEZONE, language), lastError)}</p>
          ) : null}
          <button type="button" className="button button--small" onClick={() => void messenger.sendMessage('popupSendReportsNow', undefined)}>
            {t('sendNow')}
          </button>
        </div>
      )}
      {localOnly > 0 ? <p className="detail">{t('outboxNoReceiver', localOnly)}</p> : null}
    </section>
  );
}
