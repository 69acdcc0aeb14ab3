import { useState, type FormEvent } from 'react';
import type { FeedCacheEntry, ResolvedSubscription } from '@/lib/feed/types';
import type { ManagedPolicy } from '@/lib/policy';
import { receiverOrigins, tokenIsLocked, userToken, type TokenSources } from '@/lib/reports/report-tokens';
import { updateReportTokens, type ReportTokens } from '@/lib/reports/token-store';
import { updateUserSettings, type UserSettings } from '@/lib/storage';
import { useI18n } from '../i18n';
import { ReportTokenWarning } from './ReportTokenWarning';

interface Props {
  settings: UserSettings;
  tokens: ReportTokens;
  policy: ManagedPolicy;
  subscriptions: ResolvedSubscription[];
  cache: Record<string, FeedCacheEntry>;
}

type Field = 'id' | 'name' | 'unit';

/** The user's own token for each receiver origin, as the form starts from it. */
function ownTokens(origins: readonly string[], sources: TokenSources): Record<string, string> {
  return Object.fromEntries(origins.map((origin) => [origin, userToken(origin, sources) ?? '']));
}

/**
 * Reporter identity and one report token per receiver origin (PROTOCOL §3.3): a token is
 * shown next to the origin it is sent to, and nowhere else. A locked policy's values and
 * the office's record from enrollment (PROTOCOL §6) are read-only.
 */
export function IdentitySection({ settings, tokens: storedTokens, policy, subscriptions, cache }: Props) {
  const { t } = useI18n();
  const sources: TokenSources = { settings: { ...settings, ...storedTokens }, policy, subscriptions };
  const origins = receiverOrigins(subscriptions, cache, sources);
  const [reporter, setReporter] = useState(settings.reporter);
  const [tokens, setTokens] = useState(() => ownTokens(origins, sources));
  const [saved, setSaved] = useState(false);
  const enrolled = settings.enrollment;

  const lockedField = (field: Field) => policy.locked && policy.reporter[field] !== undefined;
  const shownField = (field: Field) => (lockedField(field) ? (policy.reporter[field] ?? '') : enrolled ? enrolled.reporter[field] : reporter[field]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    await updateReportTokens((current) => {
      const reportTokens: Record<string, string> = { ...current.reportTokens };
      for (const origin of origins) {
        if (tokenIsLocked(origin, sources)) continue;
        const value = (tokens[origin] ?? '').trim();
        if (value) reportTokens[origin] = value;
        else delete reportTokens[origin];
      }
      // The pre-v2 single token is now written per origin, where it belongs.
      return { reportToken: '', reportTokens };
    });
    await updateUserSettings({ reporter: { ...reporter } });
    setSaved(true);
  };

  const fields: { field: Field; label: string; autoComplete: string; inputMode?: 'numeric' }[] = [
    { field: 'id', label: t('reporterId'), autoComplete: 'off', inputMode: 'numeric' },
    { field: 'name', label: t('reporterName'), autoComplete: 'name' },
    { field: 'unit', label: t('reporterUnit'), autoComplete: 'organization' },
  ];

  return (
    <section className="card" aria-labelledby="identity-heading">
      <h2 id="identity-heading">{t('reporterSection')}</h2>
      {enrolled ? (
        <p className="detail" data-siar-enrolled={enrolled.origin}>
          {t('enrolledReporter', enrolled.origin)}
        </p>
      ) : null}
      <form onSubmit={(event) => void save(event)}>
        {fields.map(({ field, label, autoComplete, inputMode }) => (
          <label className="field" key={field}>
            <span>
              {label}
              {lockedField(field) ? <span className="badge">{t('managedByAdmin')}</span> : enrolled ? <span className="badge">{t('fromOffice')}</span> : null}
            </span>
            <input
              name={`reporter-${field}`}
              autoComplete={autoComplete}
              inputMode={inputMode}
              readOnly={lockedField(field) || Boolean(enrolled)}
              value={shownField(field)}
              placeholder={policy.reporter[field] ?? ''}
              onChange={(event) => {
                setSaved(false);
                setReporter({ ...reporter, [field]: event.target.value });
              }}
            />
          </label>
        ))}
        <fieldset className="tokens">
          <legend>{t('reportToken')}</legend>
          <p id="token-help" className="detail">
            {t('reportTokenHelp')}
          </p>
          {origins.length === 0 ? <p className="detail">{t('reportTokenNoReceiver')}</p> : null}
          {origins.map((origin) => {
            const locked = tokenIsLocked(origin, sources);
            return (
              <label className="field" key={origin} data-siar-token-origin={origin}>
                <span>
                  {t('reportTokenFor', origin)}
                  {locked ? <span className="badge">{t('managedByAdmin')}</span> : enrolled?.origin === origin ? <span className="badge">{t('fromOffice')}</span> : null}
                </span>
                <input
                  name="report-token"
                  type="password"
                  autoComplete="off"
                  readOnly={locked}
                  value={locked ? '••••••••' : (tokens[origin] ?? '')}
                  aria-describedby="token-help"
                  onChange={(event) => {
                    setSaved(false);
                    setTokens({ ...tokens, [origin]: event.target.value });
                  }}
                />
              </label>
            );
          })}
          <ReportTokenWarning locked={origins.some((origin) => tokenIsLocked(origin, sources))} enrolled={Boolean(enrolled)} />
        </fieldset>
        <button type="submit" className="button button--primary">
          {t('save')}
        </button>
        {saved ? (
          <span className="notice notice--ok" role="status">
            {' '}
            {t('saved')}
          </span>
        ) : null}
      </form>
    </section>
  );
}
