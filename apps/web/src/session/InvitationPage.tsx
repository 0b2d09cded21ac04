import { useCallback, useRef, useState } from 'react';
import {
  ApiError,
  acceptInvitation,
  errorMessage,
  fetchInvitationPreview,
  type InvitationPreview,
  type Me,
  signOut,
  useResource,
} from '../api/index.ts';
import { Link } from '../app/Link.tsx';
import { PageHeading } from '../app/PageHeading.tsx';
import { PageLayout } from '../app/PageLayout.tsx';
import { navigate, paths } from '../app/router.ts';
import { LoadError, Loading } from '../app/StatusMessage.tsx';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { FormError } from '../forms/index.ts';
import { useDateTimeFormat, useT } from '../i18n/index.ts';
import { personLabel, roleDescriptionKey, roleLabelKey } from '../people/index.ts';
import { SignInForm } from './SignInForm.tsx';
import { SignUpForm } from './SignUpForm.tsx';
import { announceSessionChange, signedOut, useSession } from './store.ts';

/**
 * `/invitation/:token`: what the link offers, then, signed out, an account to create (or an
 * existing one to sign in with), or, signed in, one button to accept. Lands in the partnership.
 */
export function InvitationPage({ token }: { token: string }) {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => fetchInvitationPreview(token, signal), [token]);
  const [preview, reload] = useResource(`invitation:${token}`, load);
  useDocumentTitle(t('invitation.title'));

  return (
    <PageLayout>
      <div className="auth-page">
        <section className="panel auth-panel auth-panel--wide" aria-labelledby="invitation-title">
          <PageHeading>
            <span id="invitation-title">{t('invitation.title')}</span>
          </PageHeading>
          {preview.state === 'loading' && <Loading />}
          {preview.state === 'error' &&
            (preview.error instanceof ApiError && preview.error.isNotFound ? (
              <InvitationUnusable message={t('errors.codes.invitationNotFound')} />
            ) : (
              <LoadError error={preview.error} onRetry={reload} />
            ))}
          {preview.state === 'ready' && <InvitationBody token={token} preview={preview.data} />}
        </section>
      </div>
    </PageLayout>
  );
}

function InvitationUnusable({ message }: { message: string }) {
  const t = useT();
  return (
    <div className="notice notice--warning" data-testid="invitation-unusable">
      <p>{message}</p>
      <p className="small">{t('invitation.askAgain')}</p>
      <Link to={paths.home()}>{t('errors.backHome')}</Link>
    </div>
  );
}

function InvitationSummary({ preview }: { preview: InvitationPreview }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  return (
    <div className="invitation-summary">
      <p className="invitation-summary__lead">
        {t('invitation.lead', {
          partnership: preview.partnership?.name ?? '—',
          organisation: preview.organisation?.name ?? t('person.unknownOrganisation'),
        })}
      </p>
      <dl className="details">
        <dt>{t('invitation.partnership')}</dt>
        <dd>{preview.partnership?.name ?? '—'}</dd>
        <dt>{t('auth.organisation')}</dt>
        <dd>{preview.organisation?.name ?? t('person.unknownOrganisation')}</dd>
        <dt>{t('members.role')}</dt>
        <dd>
          <strong>{t(roleLabelKey(preview.role))}</strong>
          <span className="muted small"> — {t(roleDescriptionKey(preview.role))}</span>
        </dd>
        {preview.status === 'valid' && (
          <>
            <dt>{t('invitation.expires')}</dt>
            <dd>{formatDate(preview.expiresAt)}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

function InvitationBody({ token, preview }: { token: string; preview: InvitationPreview }) {
  const t = useT();
  const session = useSession();
  /** Why accepting right after signing in failed: shown with the signed-in view. */
  const [acceptError, setAcceptError] = useState<string | null>(null);

  if (preview.status !== 'valid') {
    const message =
      preview.status === 'used'
        ? t('errors.codes.invitationUsed')
        : preview.status === 'expired'
          ? t('errors.codes.invitationExpired')
          : t('errors.codes.invitationRevoked');
    return (
      <>
        <InvitationSummary preview={preview} />
        <InvitationUnusable message={message} />
      </>
    );
  }
  return (
    <>
      <InvitationSummary preview={preview} />
      {session.status === 'loading' && <Loading />}
      {session.status === 'signed-in' && (
        <AcceptAsMember
          token={token}
          preview={preview}
          me={session.me}
          initialError={acceptError}
        />
      )}
      {(session.status === 'signed-out' || session.status === 'error') && (
        <JoinSignedOut token={token} preview={preview} onAcceptError={setAcceptError} />
      )}
    </>
  );
}

function landIn(partnershipId: string) {
  navigate(paths.partnership(partnershipId), { replace: true });
}

/** Accepting needs an explanation when it cannot work: the account is another organisation's. */
function AcceptAsMember({
  token,
  preview,
  me,
  initialError,
}: {
  token: string;
  preview: InvitationPreview;
  me: Me;
  initialError: string | null;
}) {
  const t = useT();
  const [error, setError] = useState<string | null>(initialError);
  const [busy, setBusy] = useState(false);
  const [alreadyMember, setAlreadyMember] = useState(false);
  const you = personLabel(t, me.person, me.organisation?.name);
  const otherOrganisation =
    preview.organisation !== null && me.person.organisationId !== preview.organisation.id;

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      const { partnershipId } = await acceptInvitation(token);
      landIn(partnershipId);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'already_member') setAlreadyMember(true);
      setError(errorMessage(t, caught));
      setBusy(false);
    }
  }

  async function switchAccount() {
    try {
      await signOut();
    } catch {
      // Signed out here either way.
    }
    signedOut({ byChoice: true });
    announceSessionChange();
  }

  if (otherOrganisation) {
    return (
      <div className="notice notice--warning" data-testid="invitation-other-organisation">
        <p>
          {t('invitation.otherOrganisation', {
            person: you,
            organisation: preview.organisation?.name ?? '',
          })}
        </p>
        <button type="button" className="button" onClick={switchAccount}>
          {t('invitation.useAnotherAccount')}
        </button>
      </div>
    );
  }

  return (
    <div className="invitation-accept">
      <p>{t('invitation.signedInAs', { person: you })}</p>
      <FormError message={error} />
      {alreadyMember && preview.partnership !== null ? (
        <Link
          to={paths.partnership(preview.partnership.id)}
          className="button button--primary button--large"
        >
          {t('invitation.openPartnership')}
        </Link>
      ) : (
        <div className="form__actions">
          <button
            type="button"
            className="button button--primary button--large"
            onClick={accept}
            disabled={busy}
            data-testid="accept-invitation"
          >
            {busy ? t('invitation.accepting') : t('invitation.accept')}
          </button>
          <button type="button" className="button button--ghost" onClick={switchAccount}>
            {t('invitation.useAnotherAccount')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Signed out: a new account by default; "I already have an account" signs in, then accepts. */
function JoinSignedOut({
  token,
  preview,
  onAcceptError,
}: {
  token: string;
  preview: InvitationPreview;
  onAcceptError: (message: string) => void;
}) {
  const t = useT();
  const [mode, setMode] = useState<'sign-up' | 'sign-in'>('sign-up');

  /** Where to land once the app shows the new session. */
  const target = useRef<string | null>(null);

  /** Signed in, not yet shown as such: accept, and land in the partnership right after. */
  async function acceptAfterSignIn() {
    target.current = null;
    try {
      const { partnershipId } = await acceptInvitation(token);
      target.current = partnershipId;
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'already_member' && preview.partnership) {
        target.current = preview.partnership.id;
        return;
      }
      // The page turns to the signed-in view next, with this explanation.
      onAcceptError(errorMessage(t, caught));
    }
  }

  return (
    <div className="invitation-join">
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('invitation.chooseHow')}</legend>
        <button
          type="button"
          className="segmented__option"
          aria-pressed={mode === 'sign-up'}
          onClick={() => setMode('sign-up')}
        >
          {t('invitation.newAccount')}
        </button>
        <button
          type="button"
          className="segmented__option"
          aria-pressed={mode === 'sign-in'}
          onClick={() => setMode('sign-in')}
          data-testid="have-account"
        >
          {t('invitation.haveAccount')}
        </button>
      </fieldset>
      {mode === 'sign-up' ? (
        <>
          <h2 className="section-title">{t('invitation.createAccountTitle')}</h2>
          <SignUpForm
            invitation={{ token, organisationName: preview.organisation?.name ?? null }}
            onSignedUp={(me) => landIn(me.partnershipId ?? preview.partnership?.id ?? '')}
          />
        </>
      ) : (
        <>
          <h2 className="section-title">{t('invitation.signInTitle')}</h2>
          <SignInForm
            submitLabel={t('invitation.signInAndAccept')}
            beforeSession={acceptAfterSignIn}
            onSignedIn={() => {
              if (target.current !== null) landIn(target.current);
            }}
          />
        </>
      )}
    </div>
  );
}
