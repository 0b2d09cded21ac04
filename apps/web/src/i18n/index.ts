export type { Locale } from '@accord/i18n';
export { useI18n, useT } from './context.ts';
export { useDateTimeFormat, useDayFormat } from './format.ts';
export { I18nProvider } from './I18nProvider.tsx';
export { LanguageSwitch } from './LanguageSwitch.tsx';
export type { CatalogKey, Translate } from './translator.ts';
