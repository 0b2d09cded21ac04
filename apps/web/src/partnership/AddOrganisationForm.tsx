import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { addOrganisation } from '../api/index.ts';
import {
  ColourPicker,
  checkRequired,
  FormError,
  firstFreeColour,
  SelectField,
  SubmitRow,
  TextField,
  useFormSubmission,
} from '../forms/index.ts';
import { useT } from '../i18n/index.ts';
import { type Sector, sectorLabelKey, sectors } from '../people/index.ts';

type Fields = 'name';
const ORDER: readonly Fields[] = ['name'];

/** A facilitator adds a new organisation to the partnership (then invites its people). */
export function AddOrganisationForm({
  partnershipId,
  usedColours,
  onAdded,
}: {
  partnershipId: string;
  usedColours: readonly string[];
  onAdded: (name: string) => void;
}) {
  const t = useT();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [sector, setSector] = useState<Sector>('non-profit');
  const [colour, setColour] = useState(() => firstFreeColour(usedColours));
  const { errors, formError, submitting, submit, register, focus } = useFormSubmission(ORDER);
  const openButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  // Opening puts the cursor in the first field; closing brings focus back to the button.
  useEffect(() => {
    if (open) focus('name');
    else if (wasOpen.current) openButton.current?.focus();
    wasOpen.current = open;
  }, [open, focus]);

  if (!open) {
    return (
      <div className="panel__footer">
        <button
          ref={openButton}
          type="button"
          className="button"
          onClick={() => {
            setColour(firstFreeColour(usedColours));
            setOpen(true);
          }}
          data-testid="add-organisation"
        >
          <span aria-hidden="true">+</span> {t('organisations.add')}
        </button>
      </div>
    );
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit({ name: checkRequired(t, name) }, async () => {
      await addOrganisation(partnershipId, {
        organisation: { name: name.trim(), sector },
        colour,
      });
      onAdded(name.trim());
      setName('');
      setOpen(false);
    });
  }

  return (
    <form
      className="form subform"
      aria-labelledby={headingId}
      onSubmit={handleSubmit}
      noValidate
      data-testid="add-organisation-form"
    >
      <h3 id={headingId} className="subform__title">
        {t('organisations.addTitle')}
      </h3>
      <FormError message={formError} />
      <TextField
        name="organisationName"
        label={t('organisations.name')}
        value={name}
        onChange={setName}
        error={errors.name}
        maxLength={120}
        autoComplete="off"
        inputRef={register('name')}
        required
      />
      <SelectField
        name="sector"
        label={t('organisations.sector')}
        value={sector}
        onChange={setSector}
        options={sectors.map((value) => ({ value, label: t(sectorLabelKey(value)) }))}
      />
      <ColourPicker
        legend={t('organisations.colour')}
        value={colour}
        onChange={setColour}
        used={usedColours}
        name="organisation-colour"
      />
      <SubmitRow submitting={submitting} label={t('organisations.addSubmit')}>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </SubmitRow>
    </form>
  );
}
