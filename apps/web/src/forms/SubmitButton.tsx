import type { ReactNode } from 'react';

interface SubmitButtonProps {
  submitting: boolean;
  label: string;
  /** Said while submitting (the label otherwise). */
  busyLabel?: string;
}

/** A form's primary button, disabled while the form is submitting. */
export function SubmitButton({ submitting, label, busyLabel }: SubmitButtonProps) {
  return (
    <button type="submit" className="button button--primary" disabled={submitting}>
      {submitting ? (busyLabel ?? label) : label}
    </button>
  );
}

/** The row under a form: the submit button, then any other actions (e.g. cancel). */
export function SubmitRow({ children, ...button }: SubmitButtonProps & { children?: ReactNode }) {
  return (
    <div className="form__actions">
      <SubmitButton {...button} />
      {children}
    </div>
  );
}
