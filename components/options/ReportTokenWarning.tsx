import { useI18n } from '../i18n';
import { useOptionsStore } from './options-store';

/**
 * docs/protocol.md §3.5: after a 401 / 403 the receiver is paused until the token changes;
 * this says so beside the token field, with how many reports wait for it.
 */
export function ReportTokenWarning({ locked, enrolled }: { locked: boolean; enrolled: boolean }) {
  const { t } = useI18n();
  const summary = useOptionsStore((state) => state.outbox);
  const waiting = summary.receivers.filter((receiver) => receiver.pausedForAuth).reduce((sum, receiver) => sum + receiver.waiting, 0);
  if (waiting === 0) return null;
  return (
    <p className="warning token-warning" role="alert" data-siar-token-refused="">
      {locked ? t('outboxTokenRefusedLocked', waiting) : enrolled ? t('outboxTokenRevokedEnrolled', waiting) : t('outboxTokenRefused', waiting)}
    </p>
  );
}
