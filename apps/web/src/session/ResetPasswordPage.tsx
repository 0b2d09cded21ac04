import { type FormEvent, useState } from 'react';
import { errorMessage, resetPassword } from '../api/index.ts';
import { Link } from '../app/Link.tsx';
import { PageHeading } from '../app/PageHeading.tsx';
import { PageLayout } from '../app/PageLayout.tsx';
import { navigate, paths } from '../app/router.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import {
  checkConfirmation,
  checkNewPassword,
  FormError,
  isValid,
  useFieldFocus,
} from '../forms/index.ts';
import { useT } from '../i18n/index.ts';
import { flash } from './flash.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { signedIn } from './store.ts';

type Fields = 'newPassword' | 'confirmation';
const ORDER: readonly Fields[] = ['newPassword', 'confirmation'];

/** `/reset/:token`: a link a facilitator issued; sets a new password and signs in. */
export function ResetPasswordPage({ token }: { token: string }) {
  const t = useT();
  useDocumentTitle(t('reset.title'));
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Fields, string | null>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const { register, focusFirst } = useFieldFocus(ORDER);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = {
      newPassword: checkNewPassword(t, password),
      confirmation: checkConfirmation(t, password, confirmation),
    };
    setErrors(next);
    setFormError(null);
    if (!isValid(next)) {
      focusFirst(next);
      return;
    }
    setSubmitting(true);
    try {
      const me = await resetPassword({ token, newPassword: password });
      signedIn(me);
      flash(t('reset.done'));
      navigate(paths.home(), { replace: true });
    } catch (error) {
      setFormError(errorMessage(t, error));
      setSubmitting(false);
    }
  }

  return (
    <PageLayout>
      <div className="auth-page">
        <section className="panel auth-panel" aria-labelledby="reset-title">
          <PageHeading>
            <span id="reset-title">{t('reset.title')}</span>
          </PageHeading>
          <p className="muted">{t('reset.intro')}</p>
          <form className="form" data-testid="reset-form" onSubmit={handleSubmit} noValidate>
            <FormError message={formError} />
            <NewPasswordFields
              password={password}
              confirmation={confirmation}
              onPassword={setPassword}
              onConfirmation={setConfirmation}
              errors={errors}
              register={register}
            />
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={submitting}>
                {submitting ? t('reset.saving') : t('reset.submit')}
              </button>
            </div>
          </form>
          <p className="auth-footer small">
            <Link to={paths.home()}>{t('errors.backHome')}</Link>
          </p>
        </section>
      </div>
    </PageLayout>
  );
}
