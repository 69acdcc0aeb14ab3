import { useState, type FormEvent } from 'react';
import type { ManagedPolicy } from '@/lib/policy';
import { platformLabel } from '@/lib/share/platform-label';
import { PLATFORM_IDS, type PlatformId } from '@/lib/share/platforms';
import { instanceOrigin } from '@/lib/sites/background/mastodon-instances';
import { updateUserSettings, type UserSettings } from '@/lib/storage';
import { useI18n } from '../i18n';

interface Props {
  settings: UserSettings;
  policy: ManagedPolicy;
}

const update = updateUserSettings;

/** Which platforms the user posts to, their Mastodon instance, notifications. */
export function PreferencesSection({ settings, policy }: Props) {
  const { t } = useI18n();
  // Held here too, so that a checkbox answers at once, before storage does.
  const [enabled, setEnabled] = useState<PlatformId[]>(settings.enabledPlatforms ?? [...PLATFORM_IDS]);
  const [instance, setInstance] = useState('');
  const [instanceError, setInstanceError] = useState<string | null>(null);

  const toggle = (platform: PlatformId, on: boolean) => {
    const next = on ? [...enabled, platform] : enabled.filter((p) => p !== platform);
    const ordered = PLATFORM_IDS.filter((p) => next.includes(p));
    setEnabled(ordered);
    void update({ enabledPlatforms: ordered.length === PLATFORM_IDS.length ? null : ordered });
  };

  const addInstance = (event: FormEvent) => {
    event.preventDefault();
    const origin = instanceOrigin(instance);
    if (!origin) return setInstanceError(t('mastodonInvalid'));
    setInstanceError(null);
    setInstance('');
    if (!settings.mastodonInstances.includes(origin)) void update({ mastodonInstances: [...settings.mastodonInstances, origin] });
  };

  return (
    <>
      <section className="card" aria-labelledby="platforms-heading">
        <h2 id="platforms-heading">{t('platformsSection')}</h2>
        <p className="detail">{t('platformsHelp')}</p>
        <fieldset className="checkbox-grid">
          <legend className="visually-hidden">{t('platformsSection')}</legend>
          {PLATFORM_IDS.map((platform) => (
            <label key={platform} className="checkbox">
              <input type="checkbox" checked={enabled.includes(platform)} onChange={(event) => toggle(platform, event.target.checked)} />
              {platformLabel(platform, t)}
            </label>
          ))}
        </fieldset>
      </section>

      <section className="card" aria-labelledby="mastodon-heading">
        <h2 id="mastodon-heading">{t('mastodonSection')}</h2>
        <p className="detail">{t('mastodonHelp')}</p>
        <ul className="subscription-list">
          {policy.mastodonInstances.map((origin) => (
            <li key={`managed-${origin}`}>
              <span className="subscription-url">{origin}</span>
              <span className="badge">{t('managedByAdmin')}</span>
            </li>
          ))}
          {settings.mastodonInstances.map((origin) => (
            <li key={origin}>
              <span className="subscription-url">{origin}</span>
              <button
                type="button"
                className="button button--small"
                aria-label={t('removeNamed', origin)}
                onClick={() => void update({ mastodonInstances: settings.mastodonInstances.filter((o) => o !== origin) })}
              >
                {t('removeFeed')}
              </button>
            </li>
          ))}
        </ul>
        <form className="add-instance" onSubmit={addInstance}>
          <label className="field">
            <span>{t('mastodonInstanceLabel')}</span>
            <input
              name="mastodon-instance"
              placeholder="mastodon.example.go.id"
              value={instance}
              onChange={(event) => setInstance(event.target.value)}
              aria-invalid={instanceError ? true : undefined}
              aria-describedby={instanceError ? 'mastodon-error' : undefined}
            />
          </label>
          <button type="submit" className="button">
            {t('addFeed')}
          </button>
          {instanceError ? (
            <p id="mastodon-error" className="notice notice--error" role="alert">
              {instanceError}
            </p>
          ) : null}
        </form>
      </section>

      <section className="card" aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">{t('notificationsSection')}</h2>
        <label className="checkbox">
          <input type="checkbox" checked={settings.notifications} onChange={(event) => void update({ notifications: event.target.checked })} />
          {t('notificationsToggle')}
        </label>
      </section>
    </>
  );
}
