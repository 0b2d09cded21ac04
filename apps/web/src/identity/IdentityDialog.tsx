import { useEffect, useId, useRef } from 'react';
import type { Directory, Person } from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import { IdentityPicker } from './IdentityPicker.tsx';

interface IdentityDialogProps {
  open: boolean;
  directory: Directory;
  currentPersonId: string | null;
  onChoose: (person: Person) => void;
  onClose: () => void;
}

/** "Qui êtes-vous ?" as a modal: native <dialog> gives focus trapping, Escape and inert page. */
export function IdentityDialog({
  open,
  directory,
  currentPersonId,
  onChoose,
  onClose,
}: IdentityDialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {t('identity.title')}
        </h2>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {/* Rendered only while open, so the page never holds two sets of identity options. */}
      {open && (
        <>
          <p className="muted">{t('identity.intro')}</p>
          <IdentityPicker
            directory={directory}
            currentPersonId={currentPersonId}
            onChoose={(person) => {
              onChoose(person);
              onClose();
            }}
          />
        </>
      )}
    </dialog>
  );
}
