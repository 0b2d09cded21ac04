import { Link } from '../app/Link.tsx';
import { PageHeading } from '../app/PageHeading.tsx';
import { PageLayout } from '../app/PageLayout.tsx';
import { navigate, paths } from '../app/router.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { useT } from '../i18n/index.ts';
import { personLabel, personName } from '../people/index.ts';
import { SignUpForm } from './SignUpForm.tsx';
import { useSession } from './store.ts';

/** Creating an account with a new organisation (people invited use their link instead). */
export function SignUpPage() {
  const t = useT();
  const session = useSession();
  useDocumentTitle(t('auth.signUpTitle'));
  return (
    <PageLayout>
      <div className="auth-page">
        <section className="panel auth-panel auth-panel--wide" aria-labelledby="sign-up-title">
          <PageHeading>
            <span id="sign-up-title">{t('auth.signUpTitle')}</span>
          </PageHeading>
          {session.status === 'signed-in' ? (
            <div className="notice notice--info">
              <p>
                {t('auth.alreadySignedIn', {
                  person: personLabel(t, session.me.person, session.me.organisation?.name),
                })}
              </p>
              <Link to={paths.home()} className="button button--primary">
                {t('identity.continueAs', { name: personName(t, session.me.person) })}
              </Link>
            </div>
          ) : (
            <>
              <p className="muted">{t('auth.signUpIntro')}</p>
              <p className="small muted">{t('auth.invitedHint')}</p>
              <SignUpForm onSignedUp={() => navigate(paths.home())} />
              <p className="auth-footer">
                {t('auth.haveAccount')} <Link to={paths.home()}>{t('auth.signIn')}</Link>
              </p>
            </>
          )}
        </section>
      </div>
    </PageLayout>
  );
}
