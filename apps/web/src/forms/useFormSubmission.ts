import { useState } from 'react';
import { errorMessage } from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import { isValid, useFieldFocus } from './Field.tsx';

export type FieldErrors<Name extends string> = Partial<Record<Name, string | null>>;

/**
 * What a failed submit shows: a message next to one field, a message for the whole form, or
 * nothing (the caller dealt with it).
 */
export type Failure<Name extends string> =
  | { field: Name; message: string }
  | { form: string }
  | null;

export interface SubmitOptions<Name extends string> {
  /** Reads a failure; by default the whole form says it in plain words (`errorMessage`). */
  onFailure?: (error: unknown) => Failure<Name>;
  /** Success leaves the page: the button stays disabled until it goes. */
  leaves?: boolean;
}

/**
 * A form's submit: field errors (focus moves to the first, in `order`), a form-level error, and
 * `submitting` to disable the button while the request runs.
 */
export function useFormSubmission<Name extends string>(order: readonly Name[]) {
  const t = useT();
  const [errors, setErrors] = useState<FieldErrors<Name>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const { register, focusFirst, focus } = useFieldFocus(order);

  /** Shows `next` (this submit's field errors); when there are none, runs `action`. */
  async function submit(
    next: FieldErrors<Name>,
    action: () => Promise<unknown>,
    {
      onFailure = (error) => ({ form: errorMessage(t, error) }),
      leaves = false,
    }: SubmitOptions<Name> = {},
  ) {
    setErrors(next);
    setFormError(null);
    if (!isValid(next)) {
      focusFirst(next);
      return;
    }
    setSubmitting(true);
    try {
      await action();
      if (leaves) return;
    } catch (error) {
      const failure = onFailure(error);
      if (failure !== null && 'field' in failure) {
        const fieldErrors = { ...next, [failure.field]: failure.message };
        setErrors(fieldErrors);
        focusFirst(fieldErrors);
      } else if (failure !== null) {
        setFormError(failure.form);
      }
    }
    setSubmitting(false);
  }

  return { errors, formError, setFormError, submitting, submit, register, focus };
}
