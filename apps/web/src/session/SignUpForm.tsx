import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage, type Me, type SignUpRequest, signUp } from '../api/index.ts';
import {
  checkEmail,
  checkNewPassword,
  checkRequired,
  type FieldErrors,
  FormError,
  MIN_PASSWORD_LENGTH,
  SelectField,
  SubmitRow,
  TextField,
  useFormSubmission,
} from '../forms/index.ts';
import { useT } from '../i18n/index.ts';
import { type Sector, sectorLabelKey, sectors } from '../people/index.ts';
import { signedIn } from './store.ts';

type Fields = 'name' | 'email' | 'password' | 'organisationName';
const ORDER: readonly Fields[] = ['name', 'email', 'password', 'organisationName'];

interface SignUpFormProps {
  /** Through an invitation link: the organisation comes from the invitation. */
  invitation?: { token: string; organisationName: string | null };
  onSignedUp: (me: Me) => void;
}

/** A new account: the person, and either their new organisation or the invitation's. */
export function SignUpForm({ invitation, onSignedUp }: SignUpFormProps) {
  const t = useT();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [organisationName, setOrganisationName] = useState('');
  const [sector, setSector] = useState<Sector>('public-agency');
  const { errors, formError, submitting, submit, register } = useFormSubmission(ORDER);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: FieldErrors<Fields> = {
      name: checkRequired(t, name),
      email: checkEmail(t, email),
      password: checkNewPassword(t, password),
      organisationName: invitation ? null : checkRequired(t, organisationName),
    };
    const person = { name: name.trim(), email: email.trim(), password };
    const input: SignUpRequest = invitation
      ? { ...person, invitationToken: invitation.token }
      : { ...person, organisation: { name: organisationName.trim(), sector } };
    await submit(
      next,
      async () => {
        const me = await signUp(input);
        signedIn(me);
        onSignedUp(me);
      },
      {
        leaves: true,
        // A taken email belongs to the email field; anything else to the whole form.
        onFailure: (error) =>
          error instanceof ApiError && error.code === 'email_taken'
            ? { field: 'email', message: errorMessage(t, error) }
            : { form: errorMessage(t, error) },
      },
    );
  }

  return (
    <form className="form" data-testid="sign-up-form" onSubmit={handleSubmit} noValidate>
      <FormError message={formError} />
      <TextField
        name="name"
        label={t('auth.name')}
        hint={t('auth.nameHint')}
        value={name}
        onChange={setName}
        error={errors.name}
        autoComplete="name"
        maxLength={120}
        inputRef={register('name')}
        required
      />
      <TextField
        name="email"
        type="email"
        label={t('auth.email')}
        value={email}
        onChange={setEmail}
        error={errors.email}
        autoComplete="email"
        inputRef={register('email')}
        required
      />
      <TextField
        name="password"
        type="password"
        label={t('auth.newPassword')}
        hint={t('forms.passwordHint', { count: MIN_PASSWORD_LENGTH })}
        value={password}
        onChange={setPassword}
        error={errors.password}
        autoComplete="new-password"
        inputRef={register('password')}
        required
      />
      {invitation ? (
        <div className="field">
          <span className="field__label">{t('auth.organisation')}</span>
          <p className="field__static" data-testid="sign-up-organisation">
            {invitation.organisationName ?? t('person.unknownOrganisation')}
          </p>
          <p className="field-hint">{t('invitation.organisationFromLink')}</p>
        </div>
      ) : (
        <fieldset className="fieldset">
          <legend>{t('auth.yourOrganisation')}</legend>
          <TextField
            name="organisationName"
            label={t('organisations.name')}
            value={organisationName}
            onChange={setOrganisationName}
            error={errors.organisationName}
            autoComplete="organization"
            maxLength={120}
            inputRef={register('organisationName')}
            required
          />
          <SelectField
            name="sector"
            label={t('organisations.sector')}
            value={sector}
            onChange={setSector}
            options={sectors.map((value) => ({ value, label: t(sectorLabelKey(value)) }))}
          />
        </fieldset>
      )}
      <SubmitRow submitting={submitting} label={t('auth.signUp')} busyLabel={t('auth.signingUp')} />
    </form>
  );
}
