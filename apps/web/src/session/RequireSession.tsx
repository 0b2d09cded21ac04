import { type ReactNode, useRef } from 'react';
import { PageLayout } from '../app/PageLayout.tsx';
import { LoadError, Loading } from '../app/StatusMessage.tsx';
import { SignInPage } from './SignInPage.tsx';
import { loadSession, useSession } from './store.ts';

/**
 * Renders `children` only with a session; the sign-in form otherwise, in place.
 *
 * `keepMounted`: once rendered with a session, the children stay when the session ends (the
 * document page keeps its unsaved text and asks to sign in again in a dialog).
 */
export function RequireSession({
  children,
  keepMounted = false,
}: {
  children: ReactNode;
  keepMounted?: boolean;
}) {
  const session = useSession();
  const wasSignedIn = useRef(false);
  if (session.status === 'signed-in') wasSignedIn.current = true;

  if (session.status === 'loading') {
    return (
      <PageLayout>
        <Loading />
      </PageLayout>
    );
  }
  if (session.status === 'error') {
    return (
      <PageLayout>
        <LoadError error={session.error} onRetry={() => void loadSession()} />
      </PageLayout>
    );
  }
  if (session.status === 'signed-out' && !(keepMounted && wasSignedIn.current)) {
    return <SignInPage lastEmail={session.lastEmail} />;
  }
  return children;
}
