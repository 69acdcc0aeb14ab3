// Relative imports: Siar Kantor renders components with this on the server, where WXT's '@/' alias (from .wxt/) does not exist in a server-only install.
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { createTranslator, type Language, type Translate } from '../lib/i18n';

interface I18n {
  language: Language;
  t: Translate;
}

const I18nContext = createContext<I18n>({ language: 'id', t: createTranslator('id') });

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return <I18nContext.Provider value={{ language, t: createTranslator(language) }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
