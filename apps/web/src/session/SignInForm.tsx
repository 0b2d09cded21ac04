import { type FormEvent, type ReactNode, useState } from 'react';
import { errorMessage, type Me, setCsrfToken, signIn } from '../api/index.ts';
import { checkEmail, FormError, SubmitRow, TextField, useFormSubmission } from '../forms/index.ts';
import { useT } from '../i18n/index.ts';
import { signedIn } from './store.ts';

type Fields = 'email' | 'password';
const ORDER: readonly Fields[] = ['email', 'password'];

interface SignInFormProps {
  /**
   * Runs once signed in (the CSRF token is set) but before the app learns of the session, so
   * the page stays as it is meanwhile (e.g. accepting an invitation right after signing in).
   */
  beforeSession?: (me: Me) => Promise<void>;
  onSignedIn?: (me: Me) => void | Promise<void>;
  initialEmail?: string | null;
  submitLabel?: string;
  /** Under the button: links to sign up, or "forgot your password". */
  footer?: ReactNode;
  /** In a dialog: the first empty field takes focus when it opens. */
  inDialog?: boolean;
}

/** Email and password. A wrong pair and a throttled account are said plainly. */
export function SignInForm({
  beforeSession,
  onSignedIn,
  initialEmail,
  submitLabel,
  footer,
  inDialog = false,
}: SignInFormProps) {
  const t = useT();
  const [email, setEmail] = useState(initialEmail ?? '');
  const [password, setPassword] = useState('');
  const { errors, formError, submitting, submit, register } = useFormSubmission(ORDER);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = {
      email: checkEmail(t, email),
      password: password === '' ? t('forms.passwordRequired') : null,
    };
    await submit(
      next,
      async () => {
        const me = await signIn({ email: email.trim(), password });
        if (beforeSession) {
          setCsrfToken(me.csrfToken);
          await beforeSession(me);
        }
        signedIn(me);
        await onSignedIn?.(me);
      },
      {
        onFailure: (error) => {
          setPassword('');
          return { form: errorMessage(t, error) };
        },
      },
    );
  }

  return (
    <form className="form" data-testid="sign-in-form" onSubmit={handleSubmit} noValidate>
      <FormError message={formError} />
      <TextField
        name="email"
        type="email"
        label={t('auth.email')}
        value={email}
        onChange={setEmail}
        error={errors.email}
        autoComplete="username"
        inputRef={register('email')}
        dialogFocus={inDialog && !initialEmail}
        required
      />
      <TextField
        name="password"
        type="password"
        label={t('auth.password')}
        value={password}
        onChange={setPassword}
        error={errors.password}
        autoComplete="current-password"
        inputRef={register('password')}
        dialogFocus={inDialog && !!initialEmail}
        required
      />
      <SubmitRow
        submitting={submitting}
        label={submitLabel ?? t('auth.signIn')}
        busyLabel={t('auth.signingIn')}
      />
      {footer}
    </form>
  );
}
