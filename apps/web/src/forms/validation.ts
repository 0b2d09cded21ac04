import { emailSchema, MIN_PASSWORD_LENGTH, passwordSchema } from '@accord/domain';
import type { Translate } from '../i18n/index.ts';

/**
 * Client-side checks, with the same rules as the server (the schemas of `@accord/domain`), so a
 * person learns what is wrong before sending; the server checks again and has the last word.
 */

export function checkRequired(t: Translate, value: string, max = 120): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return t('forms.required');
  if (trimmed.length > max) return t('forms.tooLong', { max });
  return null;
}

export function checkEmail(t: Translate, value: string): string | null {
  if (value.trim() === '') return t('forms.emailRequired');
  return emailSchema.safeParse(value).success ? null : t('forms.emailInvalid');
}

export function checkNewPassword(t: Translate, value: string): string | null {
  if (value === '') return t('forms.passwordRequired');
  if (value.length < MIN_PASSWORD_LENGTH) {
    return t('forms.passwordTooShort', { count: MIN_PASSWORD_LENGTH });
  }
  return passwordSchema.safeParse(value).success ? null : t('forms.passwordTooLong');
}

export function checkConfirmation(t: Translate, password: string, confirmation: string) {
  if (confirmation === '') return t('forms.confirmRequired');
  return confirmation === password ? null : t('forms.confirmMismatch');
}

export { MIN_PASSWORD_LENGTH };
