import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { receiverOrigins } from '@/lib/reports/report-tokens';
import { resolveLanguage } from '@/lib/i18n';
import { updateUserSettings, type LanguageSetting } from '@/lib/storage';
import { I18nProvider, useI18n } from '../i18n';
import { EnrollSection } from './EnrollSection';
import { IdentitySection } from './IdentitySection';
import { PreferencesSection } from './PreferencesSection';
import { SiteHealthSection } from './SiteHealthSection';
import { SubscriptionsSection } from './SubscriptionsSection';
import { loadOptionsState, useOptionsStore, watchOptionsState, type OptionsState } from './options-store';

type OptionsData = Omit<OptionsState, 'loaded' | 'outbox' | 'siteHealth'>;

function identityKey({ settings, tokens, policy, subscriptions, cache }: OptionsData): string {
  const origins = receiverOrigins(subscriptions, cache, { settings: { ...settings, ...tokens }, policy, subscriptions });
  return JSON.stringify([origins, settings.enrollment?.at ?? null]);
}

export function OptionsApp() {
  useEffect(() => {
    void loadOptionsState();
    return watchOptionsState();
  }, []);
  const state = useOptionsStore();
  return (
    <I18nProvider language={resolveLanguage(state.settings.language, browser.i18n.getUILanguage())}>
      <Options data={state.loaded ? state : null} />
    </I18nProvider>
  );
}

function Options({ data }: { data: OptionsData | null }) {
  const { t } = useI18n();
  if (!data) return <main className="options" aria-busy="true" />;
  const setLanguage = (language: LanguageSetting) => updateUserSettings({ language });
  return (
    <main className="options">
      <header className="options-header">
        <h1>{t('optionsTitle')}</h1>
        <label className="field-inline">
          <span>{t('language')}</span>
          <select value={data.settings.language} onChange={(event) => void setLanguage(event.target.value as LanguageSetting)}>
            <option value="auto">{t('languageAuto')}</option>
            <option value="id">Bahasa Indonesia</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <EnrollSection settings={data.settings} policy={data.policy} />
      <SubscriptionsSection subscriptions={data.subscriptions} />
      <IdentitySection
        // A new receiver or an enrollment starts the form again from what is stored.
        key={identityKey(data)}
        settings={data.settings}
        tokens={data.tokens}
        policy={data.policy}
        subscriptions={data.subscriptions}
        cache={data.cache}
      />
      <PreferencesSection settings={data.settings} policy={data.policy} />
      <SiteHealthSection />
      <p className="options-footer">
        <a href={browser.runtime.getURL('/shares.html')} target="_blank" rel="noopener">
          {t('historyLink')}
        </a>
      </p>
    </main>
  );
}
