import { type FormEvent, useState } from 'react';
import { createPartnership, type Language } from '../api/index.ts';
import { navigate, paths } from '../app/index.ts';
import {
  ColourPicker,
  checkRequired,
  FormError,
  organisationColours,
  SelectField,
  SubmitRow,
  TextField,
  useFormSubmission,
} from '../forms/index.ts';
import { useI18n } from '../i18n/index.ts';

type Fields = 'name' | 'purpose';
const ORDER: readonly Fields[] = ['name', 'purpose'];

/** A new partnership: I become its facilitator, my organisation its first partner. */
export function CreatePartnershipForm() {
  const { t, locale } = useI18n();
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [language, setLanguage] = useState<Language>(locale);
  const [colour, setColour] = useState<string>(organisationColours[0].value);
  const { errors, formError, submitting, submit, register } = useFormSubmission(ORDER);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = {
      name: checkRequired(t, name, 200),
      purpose: purpose.trim().length > 2000 ? t('forms.tooLong', { max: 2000 }) : null,
    };
    await submit(
      next,
      async () => {
        const created = await createPartnership({
          name: name.trim(),
          purpose: purpose.trim(),
          language,
          colour,
        });
        navigate(paths.partnership(created.id));
      },
      { leaves: true },
    );
  }

  return (
    <form
      className="panel form"
      aria-labelledby="create-partnership-title"
      data-testid="create-partnership"
      onSubmit={handleSubmit}
      noValidate
    >
      <h2 id="create-partnership-title" className="panel__title">
        {t('partnerships.new')}
      </h2>
      <p className="muted small">{t('partnerships.newIntro')}</p>
      <FormError message={formError} />
      <TextField
        name="name"
        label={t('partnerships.name')}
        value={name}
        onChange={setName}
        error={errors.name}
        maxLength={200}
        autoComplete="off"
        inputRef={register('name')}
        required
      />
      <TextField
        name="purpose"
        label={t('partnerships.purpose')}
        hint={t('partnerships.purposeHint')}
        value={purpose}
        onChange={setPurpose}
        error={errors.purpose}
        maxLength={2000}
        inputRef={register('purpose')}
        multiline
      />
      <SelectField
        name="language"
        label={t('partnerships.language')}
        hint={t('partnerships.languageHint')}
        value={language}
        onChange={setLanguage}
        options={[
          { value: 'fr', label: t('languages.fr') },
          { value: 'en', label: t('languages.en') },
        ]}
      />
      <ColourPicker
        legend={t('partnerships.myColour')}
        value={colour}
        onChange={setColour}
        name="colour"
      />
      <SubmitRow
        submitting={submitting}
        label={t('partnerships.create')}
        busyLabel={t('partnerships.creating')}
      />
    </form>
  );
}
