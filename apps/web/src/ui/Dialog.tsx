import { type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/index.ts';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /**
   * Where focus goes when the dialog opens; else an element marked `data-autofocus`; else the
   * first focusable control.
   */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Without it, Escape and the close button are not offered (e.g. "sign in again"). */
  dismissible?: boolean;
  size?: 'small' | 'normal';
  testId?: string;
  role?: 'dialog' | 'alertdialog';
}

/**
 * A modal on the native <dialog>: showModal() makes the page inert, traps focus and restores it
 * to the opener on close. Content renders only while open.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  initialFocus,
  dismissible = true,
  size = 'small',
  testId,
  role,
}: DialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal() focuses the first control (the Close button): prefer what the caller named,
      // or a field marked `data-autofocus`.
      const target = initialFocus?.current ?? dialog.querySelector<HTMLElement>('[data-autofocus]');
      target?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, initialFocus]);

  return (
    <dialog
      ref={ref}
      className={size === 'small' ? 'dialog dialog--small' : 'dialog'}
      aria-labelledby={titleId}
      data-testid={testId}
      role={role}
      onCancel={(event) => {
        // Escape: close through our state, or not at all when the dialog must be answered.
        event.preventDefault();
        if (dismissible) onClose();
      }}
    >
      {open && (
        <>
          <div className="dialog__header">
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
            {dismissible && (
              <button type="button" className="button button--ghost" onClick={onClose}>
                {t('common.close')}
              </button>
            )}
          </div>
          {children}
        </>
      )}
    </dialog>
  );
}

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: string | null;
  danger?: boolean;
}

/** "Are you sure?" for what cannot be undone; Cancel has the focus, so Enter does no harm. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy = false,
  error = null,
  danger = true,
}: ConfirmDialogProps) {
  const t = useT();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onCancel}
      initialFocus={cancelRef}
      role="alertdialog"
      testId="confirm-dialog"
    >
      <div className="dialog__body">{children}</div>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <span className="dialog__spacer" />
        <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={danger ? 'button button--danger' : 'button button--primary'}
          onClick={onConfirm}
          disabled={busy}
          data-testid="confirm-button"
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
