import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage, requestPasswordReset } from '../api/index.ts';
import { Link } from '../app/Link.tsx';
import { PageHeading } from '../app/PageHeading.tsx';
import { PageLayout } from '../app/PageLayout.tsx';
import { paths } from '../app/router.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { checkEmail, FormError, SubmitRow, TextField, useFormSubmission } from '../forms/index.ts';
import { type Translate, useT } from '../i18n/index.ts';

type Outcome = 'sent' | 'mail-disabled' | null;
const ORDER = ['email'] as const;

/** Minutes to wait, rounded up, for a Retry-After in seconds (at least one). */
const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

function failureMessage(t: Translate, error: unknown): string {
  if (error instanceof ApiError && error.code === 'too_many_attempts') {
    return error.retryAfter === null
      ? t('forgot.tooMany')
      : t('forgot.tooManyRetry', { count: minutes(error.retryAfter) });
  }
  return errorMessage(t, error);
}

/**
 * `/forgot`: asks the server to email a reset link. The answer is the same whether or not an
 * account uses the address, and so is what this page says. A server without mail answers 501:
 * then only a facilitator can give a link.
 */
export function ForgotPasswordPage() {
  const t = useT();
  useDocumentTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const { errors, formError, submitting, submit, register } = useFormSubmission(ORDER);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome !== null) outcomeRef.current?.focus();
  }, [outcome]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(
      { email: checkEmail(t, email) },
      async () => {
        await requestPasswordReset(email.trim());
        setOutcome('sent');
      },
      {
        onFailure: (failure) => {
          if (failure instanceof ApiError && failure.code === 'mail_disabled') {
            setOutcome('mail-disabled');
            return null;
          }
          return { form: failureMessage(t, failure) };
        },
      },
    );
  }

  return (
    <PageLayout>
      <div className="auth-page">
        <section className="panel auth-panel" aria-labelledby="forgot-title">
          <PageHeading>
            <span id="forgot-title">{t('forgot.title')}</span>
          </PageHeading>
          {outcome === 'sent' && (
            <div
              ref={outcomeRef}
              tabIndex={-1}
              className="notice notice--success"
              role="status"
              data-testid="forgot-sent"
            >
              <p>{t('forgot.sent')}</p>
              <p>{t('forgot.sentHint')}</p>
            </div>
          )}
          {outcome === 'mail-disabled' && (
            <div
              ref={outcomeRef}
              tabIndex={-1}
              className="notice notice--warning"
              role="status"
              data-testid="forgot-mail-disabled"
            >
              <p>{t('forgot.mailDisabled')}</p>
            </div>
          )}
          {outcome === null && (
            <>
              <p className="muted">{t('forgot.intro')}</p>
              <form className="form" data-testid="forgot-form" onSubmit={handleSubmit} noValidate>
                <FormError message={formError} />
                <TextField
                  name="email"
                  type="email"
                  label={t('auth.email')}
                  value={email}
                  onChange={setEmail}
                  error={errors.email}
                  autoComplete="username"
                  inputRef={register('email')}
                  required
                />
                <SubmitRow
                  submitting={submitting}
                  label={t('forgot.submit')}
                  busyLabel={t('forgot.sending')}
                />
              </form>
            </>
          )}
          <p className="auth-footer small">
            <Link to={paths.home()}>{t('forgot.backToSignIn')}</Link>
          </p>
        </section>
      </div>
    </PageLayout>
  );
}
