import en from '../public/_locales/en/messages.json' with { type: 'json' };
import id from '../public/_locales/id/messages.json' with { type: 'json' };
import type { LanguageSetting } from './storage';

/**
 * User-facing text from _locales. Siar picks the language itself (not only
 * browser.i18n) so that the user can switch it in options.
 */

export type MessageKey = keyof typeof id;
export type Language = 'id' | 'en';

const catalogs: Record<Language, Record<string, { message: string }>> = { id, en };

export function resolveLanguage(setting: LanguageSetting, uiLanguage: string): Language {
  if (setting !== 'auto') return setting;
  // Like the browser with default_locale "id": English only for an English UI.
  return uiLanguage.toLowerCase().startsWith('en') ? 'en' : 'id';
}

export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

export function createTranslator(language: Language): Translate {
  const catalog = catalogs[language];
  return (key, ...substitutions) => {
    const message = catalog[key]?.message ?? catalogs.id[key]?.message ?? key;
    return message.replace(/\$(\d)/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
  };
}

/** "Kamis, 26 November 2026" in the feed's zone. */
export function formatLongDate(instant: Date, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(instant);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(instant: Date, timeZone: string, language: Language): string {
  // Cached: the history page formats thousands of rows, and a formatter is slow to make.
  const key = `${language} ${timeZone}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    dateTimeFormats.set(key, format);
  }
  return format.format(instant);
}
