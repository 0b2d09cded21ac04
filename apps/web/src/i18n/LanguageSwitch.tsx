import { type Locale, locales } from '@accord/i18n';
import { useI18n } from './context.ts';
import { languageNames } from './translator.ts';

/** FR / EN toggle; each language is named in its own language, with its own `lang`. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('app.language')}</legend>
      {locales.map((option: Locale) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="language-switch__option"
          aria-pressed={option === locale}
          aria-label={languageNames[option]}
          onClick={() => setLocale(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}
