import { detectLocale, isLocale, type Locale } from '@accord/i18n';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { I18nContext, type I18nContextValue } from './context.ts';
import { createWebTranslator } from './translator.ts';

const STORAGE_KEY = 'accord.locale';

function readStoredLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null; // storage can be disabled (private mode, policies): fall back to detection
  }
}

function initialLocale(): Locale {
  return readStoredLocale() ?? detectLocale(navigator.languages ?? [navigator.language]);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still holds for this page.
    }
  }, []);

  useEffect(() => {
    // Screen readers pick their voice from <html lang>: keep it true to the text on screen.
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18nContextValue>(
    () => ({ locale, setLocale, t: createWebTranslator(locale) }),
    [locale, setLocale],
  );

  return <I18nContext value={value}>{children}</I18nContext>;
}
