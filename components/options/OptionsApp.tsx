import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { loadSubscriptions, readPolicy } from '@/lib/config';
import type { FeedCacheEntry, ResolvedSubscription } from '@/lib/feed/types';
import { receiverOrigins } from '@/lib/reports/report-tokens';
import { readReportTokens, watchReportTokens, type ReportTokens } from '@/lib/reports/token-store';
import { resolveLanguage } from '@/lib/i18n';
import { watchManagedPolicy, type ManagedPolicy } from '@/lib/policy';
import { DEFAULT_SETTINGS, feedCache, updateUserSettings, userSettings, userSubscriptions, type LanguageSetting, type UserSettings } from '@/lib/storage';
import { I18nProvider, useI18n } from '../i18n';
import { EnrollSection } from './EnrollSection';
import { IdentitySection } from './IdentitySection';
import { PreferencesSection } from './PreferencesSection';
import { SiteHealthSection } from './SiteHealthSection';
import { SubscriptionsSection } from './SubscriptionsSection';

interface OptionsData {
  settings: UserSettings;
  /** The user's report tokens (lib/reports/token-store.ts): never in storage.local. */
  tokens: ReportTokens;
  policy: ManagedPolicy;
  subscriptions: ResolvedSubscription[];
  /** Which receiver each feed names (PROTOCOL §3.3), for the tokens' origins. */
  cache: Record<string, FeedCacheEntry>;
}

function useOptionsData(): OptionsData | null {
  const [data, setData] = useState<OptionsData | null>(null);
  useEffect(() => {
    const load = async () => {
      const policy = await readPolicy();
      const [settings, tokens, subscriptions, cache] = await Promise.all([userSettings.getValue(), readReportTokens(), loadSubscriptions(policy), feedCache.getValue()]);
      setData({ settings, tokens, policy, subscriptions, cache });
    };
    void load();
    const unwatch = [
      userSettings.watch(() => void load()),
      watchReportTokens(() => void load()),
      userSubscriptions.watch(() => void load()),
      feedCache.watch(() => void load()),
      watchManagedPolicy(() => void load()),
    ];
    return () => unwatch.forEach((stop) => stop());
  }, []);
  return data;
}

function identityKey({ settings, tokens, policy, subscriptions, cache }: OptionsData): string {
  const origins = receiverOrigins(subscriptions, cache, { settings: { ...settings, ...tokens }, policy, subscriptions });
  return JSON.stringify([origins, settings.enrollment?.at ?? null]);
}

export function OptionsApp() {
  const data = useOptionsData();
  const settings = data?.settings ?? DEFAULT_SETTINGS;
  return (
    <I18nProvider language={resolveLanguage(settings.language, browser.i18n.getUILanguage())}>
      <Options data={data} />
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
