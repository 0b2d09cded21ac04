import { type FormEvent, useState } from 'react';
import { resetPassword } from '../api/index.ts';
import { Link } from '../app/Link.tsx';
import { PageHeading } from '../app/PageHeading.tsx';
import { PageLayout } from '../app/PageLayout.tsx';
import { navigate, paths } from '../app/router.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import {
  checkConfirmation,
  checkNewPassword,
  FormError,
  SubmitRow,
  useFormSubmission,
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
  const { errors, formError, submitting, submit, register } = useFormSubmission(ORDER);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = {
      newPassword: checkNewPassword(t, password),
      confirmation: checkConfirmation(t, password, confirmation),
    };
    await submit(
      next,
      async () => {
        const me = await resetPassword({ token, newPassword: password });
        signedIn(me);
        flash(t('reset.done'));
        navigate(paths.home(), { replace: true });
      },
      { leaves: true },
    );
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
            <SubmitRow
              submitting={submitting}
              label={t('reset.submit')}
              busyLabel={t('reset.saving')}
            />
          </form>
          <p className="auth-footer small">
            <Link to={paths.home()}>{t('errors.backHome')}</Link>
          </p>
        </section>
      </div>
    </PageLayout>
  );
}
