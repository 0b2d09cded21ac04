import { lazy, Suspense, useEffect } from 'react';
// The action views import their files, not the feature's index: that one pulls in the editor plugin.
import { CommitmentsPage } from '../actions/CommitmentsPage.tsx';
import { PlanActionsPage } from '../actions/PlanActionsPage.tsx';
import { I18nProvider } from '../i18n/index.ts';
import { InboxPage } from '../inbox/index.ts';
import { HomePage, PartnershipPage } from '../partnership/index.ts';
import { AccountPage } from '../session/AccountPage.tsx';
import { ForgotPasswordPage } from '../session/ForgotPasswordPage.tsx';
import { InvitationPage } from '../session/InvitationPage.tsx';
import { RequireSession } from '../session/RequireSession.tsx';
import { ResetPasswordPage } from '../session/ResetPasswordPage.tsx';
import { SignUpPage } from '../session/SignUpPage.tsx';
import { loadSession } from '../session/store.ts';
import { VerifyPage } from '../signoff/VerifyPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { PageLayout } from './PageLayout.tsx';
import { parseRoute, usePathname } from './router.ts';
import { Loading } from './StatusMessage.tsx';

// The editor (Lexical, Yjs, the sync client) is most of the code: load it with the first document.
const DocumentPage = lazy(async () => ({
  default: (await import('../document/index.ts')).DocumentPage,
}));

function Routes() {
  const route = parseRoute(usePathname());
  switch (route.name) {
    case 'home':
      return (
        <RequireSession>
          <HomePage />
        </RequireSession>
      );
    case 'partnership':
      // Keyed by id: another partnership is a fresh page, with no state carried over.
      return (
        <RequireSession>
          <PartnershipPage key={route.id} id={route.id} />
        </RequireSession>
      );
    case 'inbox':
      return (
        <RequireSession>
          <InboxPage key={route.partnershipId} partnershipId={route.partnershipId} />
        </RequireSession>
      );
    case 'plan-actions':
      return (
        <RequireSession>
          <PlanActionsPage key={route.documentId} documentId={route.documentId} />
        </RequireSession>
      );
    case 'commitments':
      return (
        <RequireSession>
          <CommitmentsPage key={route.partnershipId} partnershipId={route.partnershipId} />
        </RequireSession>
      );
    case 'document':
      // Kept mounted when the session ends: the page asks to sign in again without losing text.
      return (
        <RequireSession keepMounted>
          <Suspense
            fallback={
              <PageLayout>
                <Loading />
              </PageLayout>
            }
          >
            <DocumentPage key={route.id} id={route.id} />
          </Suspense>
        </RequireSession>
      );
    case 'account':
      return (
        <RequireSession>
          <AccountPage />
        </RequireSession>
      );
    case 'signup':
      return <SignUpPage />;
    case 'invitation':
      return <InvitationPage key={route.token} token={route.token} />;
    case 'forgot':
      return <ForgotPasswordPage />;
    case 'reset':
      return <ResetPasswordPage key={route.token} token={route.token} />;
    case 'verify':
      return (
        <RequireSession>
          <VerifyPage />
        </RequireSession>
      );
    case 'not-found':
      return <NotFoundPage />;
  }
}

export function App() {
  useEffect(() => {
    void loadSession();
  }, []);
  return (
    <I18nProvider>
      <Routes />
    </I18nProvider>
  );
}
