import { type FormEvent, useState } from 'react';
import { ApiError, changePassword, errorMessage } from '../api/index.ts';
import { PageHeading } from '../app/PageHeading.tsx';
import { PageLayout } from '../app/PageLayout.tsx';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import {
  checkConfirmation,
  checkNewPassword,
  FormError,
  SubmitRow,
  TextField,
  useFormSubmission,
} from '../forms/index.ts';
import { useT } from '../i18n/index.ts';
import { personName, sectorLabelKey } from '../people/index.ts';
import { signOutEverywhere } from './AccountControl.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { useMe } from './store.ts';

type Fields = 'currentPassword' | 'newPassword' | 'confirmation';
const ORDER: readonly Fields[] = ['currentPassword', 'newPassword', 'confirmation'];

/** `/account`: who I am, and changing my password. */
export function AccountPage() {
  const t = useT();
  const me = useMe();
  useDocumentTitle(t('account.title'));
  return (
    <PageLayout>
      <div className="hero">
        <PageHeading>{t('account.title')}</PageHeading>
      </div>
      <div className="two-columns two-columns--even">
        <section className="panel" aria-labelledby="account-identity">
          <h2 id="account-identity" className="panel__title">
            {t('account.identity')}
          </h2>
          <dl className="details">
            <dt>{t('auth.name')}</dt>
            <dd>{personName(t, me.person)}</dd>
            <dt>{t('auth.email')}</dt>
            <dd>{me.person.email ?? '—'}</dd>
            <dt>{t('auth.organisation')}</dt>
            <dd>
              {me.organisation === null
                ? t('person.unknownOrganisation')
                : `${me.organisation.name} — ${t(sectorLabelKey(me.organisation.sector))}`}
            </dd>
          </dl>
          <div className="panel__footer">
            <button
              type="button"
              className="button"
              onClick={() => void signOutEverywhere()}
              data-testid="account-sign-out"
            >
              {t('auth.signOut')}
            </button>
          </div>
        </section>
        <ChangePasswordForm />
      </div>
    </PageLayout>
  );
}

function ChangePasswordForm() {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [done, setDone] = useState(false);
  const { errors, formError, submitting, submit, register } = useFormSubmission(ORDER);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = {
      currentPassword: current === '' ? t('forms.currentPasswordRequired') : null,
      newPassword: checkNewPassword(t, password),
      confirmation: checkConfirmation(t, password, confirmation),
    };
    setDone(false);
    await submit(
      next,
      async () => {
        await changePassword({ currentPassword: current, newPassword: password });
        setCurrent('');
        setPassword('');
        setConfirmation('');
        setDone(true);
      },
      {
        // The only password this form checks is the current one: say so next to it.
        onFailure: (error) =>
          error instanceof ApiError && error.code === 'invalid_credentials'
            ? { field: 'currentPassword', message: t('account.currentPasswordWrong') }
            : { form: errorMessage(t, error) },
      },
    );
  }

  return (
    <form
      className="panel form"
      aria-labelledby="change-password-title"
      data-testid="change-password-form"
      onSubmit={handleSubmit}
      noValidate
    >
      <h2 id="change-password-title" className="panel__title">
        {t('account.changePassword')}
      </h2>
      <FormError message={formError} />
      <p className="notice notice--success" role="status" hidden={!done}>
        {done ? t('account.passwordChanged') : ''}
      </p>
      <TextField
        name="currentPassword"
        type="password"
        label={t('account.currentPassword')}
        value={current}
        onChange={setCurrent}
        error={errors.currentPassword}
        autoComplete="current-password"
        inputRef={register('currentPassword')}
        required
      />
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
        label={t('account.savePassword')}
        busyLabel={t('account.saving')}
      />
    </form>
  );
}
