'use client';

/**
 * The interface language for React: <I18nProvider> near the root, useI18n() wherever text is
 * shown. The server render is always English (it cannot know the reader's language); right
 * after hydration the provider switches to the stored or browser language, so the server and
 * client HTML agree and there is no hydration mismatch.
 */
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locale';
import { createTranslator, type Translate } from '@/lib/i18n/translate';
import {
  chooseLocale,
  getLocaleSnapshot,
  getServerLocaleSnapshot,
  subscribeLocale,
} from './locale-store';

export interface I18n {
  readonly locale: Locale;
  /** Switches the language everywhere and remembers the choice in this browser. */
  readonly setLocale: (locale: Locale) => void;
  /** The string for a message key in the current language, placeholders filled. */
  readonly t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useSyncExternalStore(subscribeLocale, getLocaleSnapshot, getServerLocaleSnapshot);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18n>(
    () => ({ locale, setLocale: chooseLocale, t: createTranslator(locale) }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() must be called inside <I18nProvider>');
  return i18n;
}
