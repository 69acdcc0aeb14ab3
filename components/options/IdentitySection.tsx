import { useState, type FormEvent } from 'react';
import type { ManagedPolicy } from '@/lib/policy';
import { updateUserSettings, type UserSettings } from '@/lib/storage';
import { useI18n } from '../i18n';
import { ReportTokenWarning } from './ReportTokenWarning';

interface Props {
  settings: UserSettings;
  policy: ManagedPolicy;
}

type Field = 'id' | 'name' | 'unit';

/**
 * Reporter identity and token; a locked policy's values are shown read-only.
 * The form starts from the stored settings and then holds what the user types.
 */
export function IdentitySection({ settings, policy }: Props) {
  const { t } = useI18n();
  const [reporter, setReporter] = useState(settings.reporter);
  const [token, setToken] = useState(settings.reportToken);
  const [saved, setSaved] = useState(false);

  const lockedField = (field: Field) => policy.locked && policy.reporter[field] !== undefined;
  const tokenLocked = policy.locked && policy.reportToken !== null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    await updateUserSettings({ reporter: { ...reporter }, reportToken: token.trim() });
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
      <form onSubmit={(event) => void save(event)}>
        {fields.map(({ field, label, autoComplete, inputMode }) => (
          <label className="field" key={field}>
            <span>
              {label}
              {lockedField(field) ? <span className="badge">{t('managedByAdmin')}</span> : null}
            </span>
            <input
              name={`reporter-${field}`}
              autoComplete={autoComplete}
              inputMode={inputMode}
              readOnly={lockedField(field)}
              value={lockedField(field) ? (policy.reporter[field] ?? '') : reporter[field]}
              placeholder={policy.reporter[field] ?? ''}
              onChange={(event) => {
                setSaved(false);
                setReporter({ ...reporter, [field]: event.target.value });
              }}
            />
          </label>
        ))}
        <label className="field">
          <span>
            {t('reportToken')}
            {tokenLocked ? <span className="badge">{t('managedByAdmin')}</span> : null}
          </span>
          <input
            name="report-token"
            type="password"
            autoComplete="off"
            readOnly={tokenLocked}
            value={tokenLocked ? '••••••••' : token}
            aria-describedby="token-help"
            onChange={(event) => {
              setSaved(false);
              setToken(event.target.value);
            }}
          />
          <small id="token-help" className="detail">
            {t('reportTokenHelp')}
          </small>
          <ReportTokenWarning locked={tokenLocked} />
        </label>
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
