import type { Ref } from 'react';
import { MIN_PASSWORD_LENGTH, TextField } from '../forms/index.ts';
import { useT } from '../i18n/index.ts';

interface NewPasswordFieldsProps {
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  errors: { newPassword?: string | null; confirmation?: string | null };
  register: (name: 'newPassword' | 'confirmation') => Ref<HTMLInputElement>;
}

/** A new password typed twice, with the length rule said up front. */
export function NewPasswordFields({
  password,
  confirmation,
  onPassword,
  onConfirmation,
  errors,
  register,
}: NewPasswordFieldsProps) {
  const t = useT();
  return (
    <>
      <TextField
        name="newPassword"
        type="password"
        label={t('auth.newPassword')}
        hint={t('forms.passwordHint', { count: MIN_PASSWORD_LENGTH })}
        value={password}
        onChange={onPassword}
        error={errors.newPassword}
        autoComplete="new-password"
        inputRef={register('newPassword')}
        required
      />
      <TextField
        name="confirmation"
        type="password"
        label={t('auth.confirmPassword')}
        value={confirmation}
        onChange={onConfirmation}
        error={errors.confirmation}
        autoComplete="new-password"
        inputRef={register('confirmation')}
        required
      />
    </>
  );
}
