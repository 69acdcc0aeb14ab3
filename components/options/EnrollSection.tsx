import { useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { enroll, parseEnrollmentInput, settingsAfterEnrollment, subscriptionsAfterEnrollment, tokensAfterEnrollment, type EnrollError } from '@/lib/enroll/enroll';
import { isLoopbackHost } from '@/lib/feed/safe-url';
import type { MessageKey } from '@/lib/i18n';
import type { ManagedPolicy } from '@/lib/policy';
import { updateReportTokens } from '@/lib/reports/token-store';
import { userSettings, userSubscriptions, type UserSettings } from '@/lib/storage';
import { useI18n } from '../i18n';

type Notice = { kind: 'ok' | 'error'; key: MessageKey; subs: string[] } | null;

const ERROR_KEYS: Record<EnrollError['error'] | 'bad_link' | 'no_code' | 'permission', MessageKey> = {
  gone: 'enrollError_gone',
  network: 'enrollError_network',
  rate_limited: 'enrollError_rate_limited',
  refused: 'enrollError_refused',
  bad_answer: 'enrollError_bad_answer',
  bad_link: 'enrollError_bad_link',
  no_code: 'enrollError_no_code',
  permission: 'enrollError_permission',
};

/**
 * PROTOCOL §6: the person's enrollment link (or only the code, when the policy names the
 * office's address). Siar asks for the office's origin while the click is a user gesture,
 * posts the code, and takes the token, the office's record and the feeds.
 */
export function EnrollSection({ settings, policy }: { settings: UserSettings; policy: ManagedPolicy }) {
  const { t } = useI18n();
  const [input, setInput] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const codeOnly = policy.enrollmentUrl !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = parseEnrollmentInput(input, policy.enrollmentUrl);
    if (!target.ok) return setNotice({ kind: 'error', key: ERROR_KEYS[target.error], subs: [] });
    const { origin, code } = target;
    const needed = isLoopbackHost(new URL(origin).hostname) ? [] : [`${origin}/*`];
    const permission = needed.length === 0 ? Promise.resolve(true) : browser.permissions.request({ origins: needed }).catch(() => false);
    setBusy(true);
    setNotice(null);
    void permission.then(async (granted) => {
      try {
        const result = await enroll(origin, code, browser.runtime.getManifest().version);
        if (!result.ok) {
          const key = !granted && result.error === 'network' ? ERROR_KEYS.permission : ERROR_KEYS[result.error];
          return setNotice({ kind: 'error', key, subs: [origin] });
        }
        const [current, subscriptions] = await Promise.all([userSettings.getValue(), userSubscriptions.getValue()]);
        await userSubscriptions.setValue(subscriptionsAfterEnrollment(subscriptions, result.feeds));
        await updateReportTokens((tokens) => tokensAfterEnrollment(tokens, result));
        await userSettings.setValue(settingsAfterEnrollment(current, result, new Date()));
        setInput('');
        setNotice({ kind: 'ok', key: 'enrollDone', subs: [result.reporter.name || result.reporter.id, origin, String(result.feeds.length)] });
      } finally {
        setBusy(false);
      }
    });
  };

  return (
    <section className="card" aria-labelledby="enroll-heading">
      <h2 id="enroll-heading">{t('enrollSection')}</h2>
      {settings.enrollment ? <p className="detail">{t('enrolledAt', settings.enrollment.origin)}</p> : null}
      <form onSubmit={submit}>
        <label className="field">
          <span>{codeOnly ? t('enrollCodeLabel') : t('enrollLinkLabel')}</span>
          <input
            data-siar-enroll=""
            name="enroll"
            autoComplete="off"
            spellCheck={false}
            value={input}
            placeholder={codeOnly ? '' : 'https://…/daftar#…'}
            aria-describedby="enroll-help"
            onChange={(event) => setInput(event.target.value)}
          />
          <small id="enroll-help" className="detail">
            {codeOnly ? t('enrollCodeHelp', new URL(policy.enrollmentUrl!).origin) : t('enrollLinkHelp')}
          </small>
        </label>
        <button type="submit" className="button button--primary" data-siar-enroll-submit="" disabled={busy}>
          {busy ? t('enrollBusy') : t('enrollSubmit')}
        </button>
        {notice ? (
          <p className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-siar-enroll-result={notice.kind}>
            {t(notice.key, ...notice.subs)}
          </p>
        ) : null}
      </form>
    </section>
  );
}
