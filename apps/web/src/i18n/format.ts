import { useMemo } from 'react';
import { useI18n } from './context.ts';

/** Localised date and time, e.g. « 27 nov. 2025, 14:05 » / “Nov 27, 2025, 2:05 PM”. */
export function useDateTimeFormat(): (timestamp: number) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    return (timestamp: number) => format.format(new Date(timestamp));
  }, [locale]);
}
