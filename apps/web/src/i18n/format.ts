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

/**
 * A calendar day (`YYYY-MM-DD`, as actions store dates) in the reader's language, e.g.
 * « 30 avr. 2027 » / “30 Apr 2027”. Read as a day, not an instant: no time zone can move it. A
 * value that is not such a day is shown as it is, so nothing typed is hidden.
 */
export function useDayFormat(): (day: string) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'medium',
      timeZone: 'UTC',
    });
    return (day: string) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
      if (match === null) return day;
      const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
      return Number.isNaN(date.getTime()) ? day : format.format(date);
    };
  }, [locale]);
}
