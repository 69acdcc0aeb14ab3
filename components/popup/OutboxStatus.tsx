import { useState } from 'react';
import { browser } from 'wxt/browser';
import { formatDateTime, type MessageKey } from '@/lib/i18n';
import { messenger } from '@/lib/messaging';
import type { TokenOwner } from '@/lib/reports/report-tokens';
import type { OutboxSummary, ReceiverSummary } from '@/lib/reports/types';
import { useI18n } from '../i18n';

interface Props {
  outbox: OutboxSummary;
  /** Who can fix a refused token of this receiver: the administrator, the office (a new code), or the user. */
  tokenOwner: (receiverUrl: string) => TokenOwner;
  now: Date;
}

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** What waits in the outbox and why (PROTOCOL §3.5: nothing is dropped silently). */
export function OutboxStatus({ outbox, tokenOwner, now }: Props) {
  const { t } = useI18n();
  const [sending, setSending] = useState(false);
  const [sendFailed, setSendFailed] = useState(false);
  const several = outbox.receivers.length > 1;

  const sendNow = async () => {
    setSending(true);
    setSendFailed(false);
    try {
      await messenger.sendMessage('popupSendReportsNow', undefined);
    } catch {
      setSendFailed(true);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="outbox" aria-live="polite">
      {outbox.waiting === 0 ? (
        <p className="detail" data-siar-outbox="">
          {t('outboxNoneWaiting')}
        </p>
      ) : (
        <div className="outbox-waiting">
          <p className="outbox-count" data-siar-outbox="">
            {t('outboxWaiting', outbox.waiting)}
          </p>
          {outbox.receivers.map((receiver) => (
            <ReceiverLine key={receiver.url} receiver={receiver} named={several} owner={tokenOwner(receiver.url)} now={now} />
          ))}
          <button type="button" className="button button--small" data-siar-send-now disabled={sending} onClick={() => void sendNow()}>
            {sending ? t('outboxSending') : t('sendNow')}
          </button>
          {sendFailed ? (
            <p className="warning" role="alert">
              {t('outboxSendFailed')}
            </p>
          ) : null}
        </div>
      )}
      {outbox.failed > 0 ? <p className="warning">{t('outboxFailed', outbox.failed)}</p> : null}
      {outbox.localOnly > 0 ? <p className="detail">{t('outboxNoReceiver', outbox.localOnly)}</p> : null}
      <p className="outbox-links">
        <a href={browser.runtime.getURL('/shares.html')} target="_blank" rel="noopener">
          {t('historyLink')}
        </a>
      </p>
    </section>
  );
}

/** Why one receiver's reports wait: a refused token, the last error, or simply the next try. */
function ReceiverLine({ receiver, named, owner, now }: { receiver: ReceiverSummary; named: boolean; owner: TokenOwner; now: Date }) {
  const tokenLocked = owner === 'locked';
  const { t, language } = useI18n();
  const prefix = named ? `${t('outboxReceiver', hostOf(receiver.url))}: ` : '';
  if (receiver.pausedForAuth) {
    return (
      <div className="outbox-paused" role="alert">
        <p className="warning">
          {prefix}
          {tokenLocked ? t('outboxPausedAuthLocked') : owner === 'enrolled' ? t('outboxPausedAuthEnrolled') : t('outboxPausedAuth')}
        </p>
        {tokenLocked ? null : (
          <button type="button" className="button button--small" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('outboxFixToken')}
          </button>
        )}
      </div>
    );
  }
  if (receiver.dueAt <= now.getTime() && !receiver.lastErrorCode) return null;
  const when = formatDateTime(new Date(receiver.dueAt), localZone(), language);
  const text = receiver.lastErrorCode
    ? t('outboxRetry', when, t(`outboxError_${receiver.lastErrorCode}` as MessageKey))
    : t('outboxNextAt', when);
  return (
    <p className="detail" title={receiver.lastError ?? undefined}>
      {prefix}
      {text}
    </p>
  );
}
