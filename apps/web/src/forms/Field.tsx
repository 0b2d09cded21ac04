import {
  type ChangeEvent,
  type ReactNode,
  type Ref,
  useCallback,
  useEffect,
  useId,
  useRef,
} from 'react';

interface FieldShellProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  children: (describedBy: string | undefined) => ReactNode;
  className?: string;
}

/**
 * A label, the control, a hint and an error, linked: the control is described by the hint and
 * by the error (read out after the label), and marked invalid while the error shows.
 */
function FieldShell({ id, label, hint, error, children, className }: FieldShellProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ?? 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children(describedBy)}
      {error && (
        <p id={errorId} className="field-error">
          <span aria-hidden="true" className="field-error__icon">
            !
          </span>
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'url';
  hint?: string | undefined;
  error?: string | null | undefined;
  autoComplete?: string;
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
  required?: boolean;
  readOnly?: boolean;
  multiline?: boolean;
  /** Marks the field for a dialog to focus when it opens. */
  dialogFocus?: boolean;
}

export function TextField({
  name,
  label,
  value,
  onChange,
  type = 'text',
  hint,
  error,
  autoComplete,
  maxLength,
  inputRef,
  required,
  readOnly,
  multiline = false,
  dialogFocus = false,
}: TextFieldProps) {
  const id = useId();
  const handle = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    onChange(event.target.value);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(describedBy) =>
        multiline ? (
          <textarea
            ref={inputRef as Ref<HTMLTextAreaElement>}
            id={id}
            name={name}
            value={value}
            rows={3}
            maxLength={maxLength}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={handle}
          />
        ) : (
          <input
            ref={inputRef}
            id={id}
            name={name}
            type={type}
            value={value}
            autoComplete={autoComplete}
            maxLength={maxLength}
            aria-required={required ? true : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            readOnly={readOnly}
            data-autofocus={dialogFocus ? true : undefined}
            spellCheck={type === 'text' ? undefined : false}
            onChange={handle}
          />
        )
      }
    </FieldShell>
  );
}

interface SelectFieldProps<V extends string> {
  name: string;
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  hint?: string | undefined;
  error?: string | null | undefined;
  inputRef?: Ref<HTMLSelectElement>;
  testId?: string;
}

export function SelectField<V extends string>({
  name,
  label,
  value,
  options,
  onChange,
  hint,
  error,
  inputRef,
  testId,
}: SelectFieldProps<V>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <select
          ref={inputRef}
          id={id}
          name={name}
          value={value}
          data-testid={testId}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value as V)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/**
 * A form-level message (a refusal from the server). It takes focus when it appears or changes,
 * so it is read at once and the next Tab continues from the form.
 */
export function FormError({ message }: { message: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message !== null) ref.current?.focus();
  }, [message]);
  if (message === null) return null;
  return (
    <div ref={ref} className="form-error" role="alert" tabIndex={-1} data-testid="form-error">
      <span aria-hidden="true" className="field-error__icon">
        !
      </span>
      {message}
    </div>
  );
}

/**
 * Refs to a form's fields by name, to move focus to the first field in error (in the order of
 * `order`, which is the order on screen) after a submit.
 */
export function useFieldFocus<Name extends string>(order: readonly Name[]) {
  const refs = useRef(new Map<Name, HTMLElement | null>());
  const register = useCallback(
    (name: Name) => (element: HTMLElement | null) => {
      refs.current.set(name, element);
    },
    [],
  );
  const focusFirst = useCallback(
    (errors: Partial<Record<Name, string | null>>) => {
      for (const name of order) {
        if (errors[name]) {
          refs.current.get(name)?.focus();
          return true;
        }
      }
      return false;
    },
    [order],
  );
  const focus = useCallback((name: Name) => refs.current.get(name)?.focus(), []);
  return { register, focusFirst, focus };
}

/** True when no field has an error. */
export function isValid(errors: Record<string, string | null | undefined>): boolean {
  return Object.values(errors).every((error) => !error);
}
