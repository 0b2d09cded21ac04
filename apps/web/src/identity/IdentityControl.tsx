import { useState } from 'react';
import type { Directory } from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import { ColourDot } from './ColourDot.tsx';
import { IdentityDialog } from './IdentityDialog.tsx';
import { personLabel } from './identity.ts';
import { useIdentity } from './useIdentity.ts';

/** Header control: "Name (Organisation)" of the chosen person, and a way to change it. */
export function IdentityControl({
  partnershipId,
  directory,
}: {
  partnershipId: string;
  directory: Directory;
}) {
  const t = useT();
  const [identity, choose] = useIdentity(partnershipId, directory);
  const [open, setOpen] = useState(false);
  const label =
    identity === null
      ? null
      : personLabel(t, identity.person.name, identity.organisation?.name ?? null);

  return (
    <>
      <button
        type="button"
        className="identity-control"
        onClick={() => setOpen(true)}
        data-testid="identity-control"
      >
        {identity === null ? (
          <span>{t('identity.title')}</span>
        ) : (
          <>
            <ColourDot colour={identity.person.colour} />
            <span className="identity-control__name">{label}</span>
            <span className="identity-control__action">{t('identity.change')}</span>
          </>
        )}
      </button>
      <IdentityDialog
        open={open}
        directory={directory}
        currentPersonId={identity?.person.id ?? null}
        onChoose={(person) => choose(person.id)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
