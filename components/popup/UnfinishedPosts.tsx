import { useState } from 'react';
import { messenger } from '@/lib/messaging';
import { PLATFORM_NAMES } from '@/lib/share/platforms';
import type { ShareAttempt } from '@/lib/storage';
import { useI18n } from '../i18n';

/**
 * Posts started on a site (a trusted click on Post) that Siar never saw go out: the tab
 * closed, or the site never answered. Yes reports the share once; No forgets it.
 */
export function UnfinishedPosts({ attempts }: { attempts: ShareAttempt[] }) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  if (attempts.length === 0 && !notice) return null;

  const answer = async (attempt: ShareAttempt, wentOut: boolean) => {
    const result = await messenger.sendMessage('popupAnswerAttempt', { attemptId: attempt.id, wentOut }).catch(() => null);
    if (!result) return setNotice({ kind: 'error', text: t('shareError_failed') });
    if (!result.ok) return setNotice({ kind: 'error', text: t(`shareError_${result.error}`) });
    setNotice(wentOut ? { kind: 'ok', text: t('shareRecorded') } : null);
  };

  return (
    <section className="unfinished" aria-labelledby="unfinished-heading">
      <h2 id="unfinished-heading">{t('attemptQuestion')}</h2>
      <ul>
        {attempts.map((attempt) => (
          <li key={attempt.id} data-siar-attempt={attempt.id} data-item={attempt.itemId} data-platform={attempt.platform}>
            <p>{t('attemptItem', attempt.title, PLATFORM_NAMES[attempt.platform])}</p>
            <div className="attempt-answers">
              <button type="button" className="button button--small button--primary" data-siar-attempt-yes="" onClick={() => void answer(attempt, true)}>
                {t('attemptYes')}
              </button>
              <button type="button" className="button button--small" data-siar-attempt-no="" onClick={() => void answer(attempt, false)}>
                {t('attemptNo')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {notice ? (
        <p className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
    </section>
  );
}
