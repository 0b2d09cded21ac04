import { requestNavigationFocus } from '../app/focus.ts';
import { Link } from '../app/Link.tsx';
import { PageHeading } from '../app/PageHeading.tsx';
import { PageLayout } from '../app/PageLayout.tsx';
import { paths } from '../app/router.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { useT } from '../i18n/index.ts';
import { SignInForm } from './SignInForm.tsx';

/**
 * Shown in place of any page that needs a session: the address stays, and the page itself
 * appears once signed in.
 */
export function SignInPage({ lastEmail }: { lastEmail: string | null }) {
  const t = useT();
  useDocumentTitle(t('auth.signInTitle'));
  return (
    <PageLayout>
      <div className="auth-page">
        <section className="panel auth-panel" aria-labelledby="sign-in-title">
          <PageHeading>
            <span id="sign-in-title">{t('auth.signInTitle')}</span>
          </PageHeading>
          <p className="muted">{t('auth.signInIntro')}</p>
          {lastEmail !== null && (
            <p className="notice notice--info" role="status">
              {t('auth.sessionEnded')}
            </p>
          )}
          <SignInForm
            initialEmail={lastEmail}
            onSignedIn={() => requestNavigationFocus()}
            footer={
              <div className="auth-footer">
                <p className="small">
                  <Link to={paths.forgot()} data-testid="forgot-password-link">
                    {t('auth.forgotPassword')}
                  </Link>
                </p>
                <p>
                  {t('auth.noAccount')} <Link to={paths.signup()}>{t('auth.createAccount')}</Link>
                </p>
              </div>
            }
          />
        </section>
      </div>
    </PageLayout>
  );
}
