import type { Locale } from '@accord/i18n';
import { createContext, useContext } from 'react';
import type { Translate } from './translator.ts';

export interface I18nContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

export const I18nContext = createContext<I18nContextValue | null>(null);

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n() must be used inside <I18nProvider>');
  return value;
}

/** The translator of the current locale. */
export function useT(): Translate {
  return useI18n().t;
}
